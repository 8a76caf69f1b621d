using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace CarbonGen.Measurement;

/// <summary>
/// CPU time of individual threads of this process, from <c>$CARBONGEN_PROCFS_ROOT/self/task/&lt;tid&gt;/schedstat</c>
/// (run time in nanoseconds, precise to the scheduler's accounting rather than to a clock tick). One
/// handle is kept open per thread, so a read costs one <c>pread</c> (about 1 µs) and allocates nothing.
/// </summary>
/// <remarks>
/// This is the reader the per-method sampler uses: each interval it reads every thread that ran a
/// tracked method and charges the delta to the method on top of that thread's shadow stack. Not thread-safe:
/// one sampler thread owns it. A thread that has exited reads as failed; call <see cref="Forget"/> then.
/// </remarks>
internal sealed class ThreadCpuReader : IDisposable
{
    private readonly string _taskDirectory;
    private readonly Dictionary<int, ProcTextFile> _files = [];

    internal ThreadCpuReader(string procfsRoot)
    {
        ProcfsRoot = procfsRoot;
        _taskDirectory = Path.Combine(procfsRoot, "self", "task");
    }

    internal string ProcfsRoot { get; }

    /// <summary>Threads with an open handle.</summary>
    internal int OpenCount => _files.Count;

    /// <summary>Reads a thread's CPU run time.</summary>
    /// <param name="threadId">The kernel's thread id (not <see cref="Environment.CurrentManagedThreadId"/>): see <see cref="CurrentThreadId"/>.</param>
    /// <param name="runNanoseconds">Nanoseconds the thread has run on a CPU since it started.</param>
    internal bool TryRead(int threadId, out ulong runNanoseconds)
    {
        if (!_files.TryGetValue(threadId, out var file))
        {
            file = ProcTextFile.TryOpen(Path.Combine(_taskDirectory, threadId.ToString(CultureInfo.InvariantCulture), "schedstat"), 64, out _);
            if (file is null)
            {
                runNanoseconds = 0;
                return false;
            }

            _files.Add(threadId, file);
        }

        if (file.TryRead(out var text) && ProcParsers.TryParseSchedstat(text, out runNanoseconds))
        {
            return true;
        }

        runNanoseconds = 0;
        return false;
    }

    /// <summary>One read of a thread's CPU run time without keeping a handle (0 when unreadable): for a baseline.</summary>
    internal static ulong ReadOnce(int threadId, string procfsRoot = "/proc")
    {
        try
        {
            var text = File.ReadAllBytes(Path.Combine(procfsRoot, "self", "task", threadId.ToString(CultureInfo.InvariantCulture), "schedstat"));
            return ProcParsers.TryParseSchedstat(text, out var ns) ? ns : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Closes the handle of a thread that has exited.</summary>
    internal void Forget(int threadId)
    {
        if (_files.Remove(threadId, out var file))
        {
            file.Dispose();
        }
    }

    /// <summary>Whether a handle is open for <paramref name="threadId"/>.</summary>
    internal bool IsOpen(int threadId) => _files.ContainsKey(threadId);

    /// <summary>Closes the handles of every thread not in <paramref name="keep"/> (threads no longer followed).</summary>
    internal void ForgetAllExcept(HashSet<int> keep)
    {
        if (_files.Count <= keep.Count && keep.IsSupersetOf(_files.Keys))
        {
            return;
        }

        foreach (var threadId in new List<int>(_files.Keys))
        {
            if (!keep.Contains(threadId))
            {
                Forget(threadId);
            }
        }
    }

    /// <summary>
    /// The kernel thread id of the calling thread, from the <c>thread-self</c> link of procfs
    /// (<c>&lt;pid&gt;/task/&lt;tid&gt;</c>); -1 where there is no procfs. No P/Invoke; one system call, so call it once per thread.
    /// </summary>
    internal static int CurrentThreadId(string procfsRoot = "/proc")
    {
        try
        {
            var target = new FileInfo(Path.Combine(procfsRoot, "thread-self")).LinkTarget;
            var slash = target?.LastIndexOf('/') ?? -1;
            if (target is not null && slash >= 0 && int.TryParse(target.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var tid))
            {
                return tid;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return -1;
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            file.Dispose();
        }

        _files.Clear();
    }
}
