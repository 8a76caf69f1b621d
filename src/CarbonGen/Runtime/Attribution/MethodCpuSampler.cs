using System;
using System.Globalization;
using System.Threading;
using CarbonGen.Configuration;
using CarbonGen.Measurement;

namespace CarbonGen.Runtime.Attribution;

/// <summary>
/// Charges CPU time to tracked methods. At a fixed interval, on a background thread, it reads the CPU
/// time of every thread that has run a tracked method (Linux: <c>/proc/self/task/&lt;tid&gt;/schedstat</c>)
/// and charges what each used since the last read to the method on top of that thread's shadow stack
/// (self) and to every method on the stack (inclusive). Call counts and wall times stay exact (the
/// interceptors count them); CPU time per method is sampled, so a method that runs for much less
/// than the interval is charged statistically.
/// </summary>
/// <remarks>
/// Lazy (nothing runs before the first tracked call), a background thread (never keeps the process
/// alive), stopped with a last read at exit. Where thread CPU times cannot be read (no procfs) it
/// reports <see cref="IsAvailable"/> false and the reports apportion by wall time instead.
/// A read that throws is warned about once; the CPU time charged so far is kept and the thread reads
/// again at the next interval, so a fault never ends the process from this background thread.
/// </remarks>
internal sealed class MethodCpuSampler
{
    private static MethodCpuSampler? s_shared;

    private readonly object _gate = new();
    private readonly ThreadCpuReader _reader;
    private readonly TimeSpan _interval;
    private readonly ManualResetEvent _stop = new(false);
    private readonly SamplerFaultGuard _faults;
    private readonly Action _loopStep;
    private readonly Action _sampleLocked;
    private long[] _selfNanoseconds = [];
    private long[] _inclusiveNanoseconds = [];
    private long _outsideNanoseconds;
    private readonly System.Collections.Generic.HashSet<int> _followed = [];
    private Thread? _thread;
    private int _state;
    private int _threadId = -1;

    /// <param name="interval">Time between reads.</param>
    /// <param name="procfsRoot">Where to read the threads' CPU times.</param>
    /// <param name="warn">Receives warnings meant for people (<see cref="CarbonLog.Warn"/> by default); must not throw.</param>
    internal MethodCpuSampler(TimeSpan interval, string procfsRoot = "/proc", Action<string>? warn = null)
    {
        _interval = interval;
        _faults = new SamplerFaultGuard(
            "a read of the methods' CPU times",
            string.Create(CultureInfo.InvariantCulture, $"The CPU time charged so far is kept and reads go on every {interval.TotalMilliseconds:0.###} ms"),
            warn ?? CarbonLog.Warn);
        _loopStep = LoopStep;
        _sampleLocked = SampleLocked;
        _reader = new ThreadCpuReader(procfsRoot);
        IsAvailable = OperatingSystem.IsLinux() && ThreadCpuReader.CurrentThreadId(procfsRoot) > 0;
    }

    /// <summary>The process-wide sampler, at the configured interval (not started).</summary>
    internal static MethodCpuSampler Shared => LazyInitializer.EnsureInitialized(ref s_shared, static () =>
        new MethodCpuSampler(TimeSpan.FromMilliseconds(CarbonTracker.Settings.MethodSamplingIntervalMilliseconds)));

    /// <summary>Whether thread CPU times can be read on this machine.</summary>
    internal bool IsAvailable { get; }

    /// <summary>
    /// The kernel thread id of the background thread once its loop has started (-1 before, or where procfs
    /// has no <c>thread-self</c>): lets a benchmark read the sampler's own CPU time from
    /// <c>/proc/self/task/&lt;tid&gt;/schedstat</c>.
    /// </summary>
    internal int ThreadId => Volatile.Read(ref _threadId);

    /// <summary>Whether a handle on the CPU time of kernel thread <paramref name="threadId"/> is open (tests).</summary>
    internal bool IsFollowing(int threadId)
    {
        lock (_gate)
        {
            return _reader.IsOpen(threadId);
        }
    }

    /// <summary>Reads taken so far.</summary>
    internal long Samples { get; private set; }

    /// <summary>Called on the sampling thread after each read (a test hook; keep it short).</summary>
    internal Action? AfterSample { get; set; }

    /// <summary>Starts the background thread, once; does nothing where thread CPU times cannot be read.</summary>
    internal void EnsureStarted()
    {
        if (!IsAvailable || Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            return;
        }

        _thread = new Thread(Loop) { IsBackground = true, Name = "CarbonGen method CPU sampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    /// <summary>Stops the thread after a last read. Idempotent.</summary>
    internal void Stop()
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        _stop.Set();
        if (_thread is not null && _thread != Thread.CurrentThread)
        {
            _thread.Join(TimeSpan.FromSeconds(5));
        }

        lock (_gate)
        {
            SampleSafely();
        }
    }

    /// <summary>CPU seconds charged so far: per method id (self and inclusive), and to threads outside every tracked method.</summary>
    internal MethodCpuTimes Snapshot()
    {
        if (!IsAvailable)
        {
            return MethodCpuTimes.Unavailable;
        }

        lock (_gate)
        {
            if (Volatile.Read(ref _state) == 1)
            {
                SampleSafely();
            }

            return new MethodCpuTimes(
                true,
                Array.ConvertAll(_selfNanoseconds, ns => ns / 1e9),
                Array.ConvertAll(_inclusiveNanoseconds, ns => ns / 1e9),
                _outsideNanoseconds / 1e9);
        }
    }

    /// <summary>Takes one read now (tests drive it directly).</summary>
    internal void Sample()
    {
        lock (_gate)
        {
            SampleLocked();
        }
    }

    private void Loop()
    {
        Volatile.Write(ref _threadId, ThreadCpuReader.CurrentThreadId(_reader.ProcfsRoot));
        // An exception leaving this thread would end the process: the guard contains it, and the next interval reads again.
        while (!_stop.WaitOne(_interval))
        {
            _faults.Run(_loopStep);
        }
    }

    private void LoopStep()
    {
        Sample();
        AfterSample?.Invoke();
    }

    /// <summary>A read under the lock that never throws: on a fault the CPU times stay those charged so far.</summary>
    private void SampleSafely() => _faults.Run(_sampleLocked);

    private void SampleLocked()
    {
        var count = MethodRegistry.Count;
        if (_selfNanoseconds.Length < count)
        {
            Array.Resize(ref _selfNanoseconds, count);
            Array.Resize(ref _inclusiveNanoseconds, count);
        }

        _followed.Clear();
        foreach (var thread in ThreadAccumulator.All)
        {
            if (thread.Ended || thread.ThreadId < 0)
            {
                continue;
            }

            if (!_reader.TryRead(thread.ThreadId, out var now))
            {
                // Kernel thread ids are reused: the handle may be an ended thread's with the same id. Open it again.
                _reader.Forget(thread.ThreadId);
                if (!thread.OwnerIsAlive || !_reader.TryRead(thread.ThreadId, out now))
                {
                    // The thread has ended (what it used since the last read is lost: at most one interval),
                    // or its time cannot be read this once.
                    thread.Ended = !thread.OwnerIsAlive;
                    _reader.Forget(thread.ThreadId);
                    continue;
                }
            }

            _followed.Add(thread.ThreadId);

            var used = now > thread.LastCpuNanoseconds ? (long)(now - thread.LastCpuNanoseconds) : 0;
            thread.LastCpuNanoseconds = now;
            if (used > 0)
            {
                Charge(thread, used);
            }
        }

        // Threads whose accumulators were retired (ended, folded into the retired counts) are not
        // followed any more: close their handles, or a process that keeps creating threads runs out.
        _reader.ForgetAllExcept(_followed);
        Samples++;
    }

    private void Charge(ThreadAccumulator thread, long nanoseconds)
    {
        ref var state = ref thread.State;
        var depth = Math.Min(Volatile.Read(ref state.StackDepth), ThreadAccumulator.StackCapacity);
        var flow = Volatile.Read(ref thread.AsyncFlow);
        if (depth <= 0 && flow is null)
        {
            _outsideNanoseconds += nanoseconds;
            return;
        }

        // Self: the method on top of the shadow stack, else the async method whose continuation this is.
        ReadOnlySpan<int> stack = state.Stack;
        AddTo(_selfNanoseconds, depth > 0 ? stack[depth - 1] : flow!.Method.Id, nanoseconds);

        // Inclusive: every method on the stack and every async method awaiting, once each however deep the recursion.
        for (var i = 0; i < depth; i++)
        {
            if (stack[..i].IndexOf(stack[i]) < 0)
            {
                AddTo(_inclusiveNanoseconds, stack[i], nanoseconds);
            }
        }

        for (var (node, levels) = (flow, 0); node is not null && levels < ThreadAccumulator.StackCapacity; node = node.Parent, levels++)
        {
            var id = node.Method.Id;
            if (stack[..depth].IndexOf(id) < 0 && !SeenAbove(flow!, node, id))
            {
                AddTo(_inclusiveNanoseconds, id, nanoseconds);
            }
        }
    }

    private static bool SeenAbove(AsyncFlowNode first, AsyncFlowNode node, int id)
    {
        for (var n = first; n != node; n = n.Parent!)
        {
            if (n.Method.Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddTo(long[] counters, int id, long nanoseconds)
    {
        if ((uint)id < (uint)counters.Length)
        {
            counters[id] += nanoseconds;
        }
    }
}

/// <summary>CPU seconds charged to each tracked method (by id) and to threads outside every tracked method.</summary>
internal sealed record MethodCpuTimes(bool IsAvailable, double[] SelfSeconds, double[] InclusiveSeconds, double OutsideSeconds)
{
    internal static readonly MethodCpuTimes Unavailable = new(false, [], [], 0);
}
