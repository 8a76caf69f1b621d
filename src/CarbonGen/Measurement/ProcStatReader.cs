using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace CarbonGen.Measurement;

/// <summary>CPU time of the whole machine from the first line of <c>/proc/stat</c>, in clock ticks (USER_HZ, 100 a second on Linux).</summary>
/// <param name="Busy">user + nice + system + irq + softirq (guest time is already inside user and nice).</param>
/// <param name="Total">Busy + idle + iowait + steal: every tick of every CPU.</param>
internal readonly record struct MachineCpuTimes(ulong Busy, ulong Total)
{
    /// <summary>Linux's USER_HZ: the unit of <c>/proc/stat</c> and of <c>utime</c>/<c>stime</c> in <c>/proc/[pid]/stat</c> (100 on every architecture .NET runs on).</summary>
    internal const double TicksPerSecond = 100;

    /// <summary>Busy share of the CPUs between two readings, 0 to 1; <see langword="null"/> when no tick elapsed.</summary>
    internal double? LoadSince(MachineCpuTimes earlier)
    {
        if (Total <= earlier.Total)
        {
            return null;
        }

        var busy = Busy >= earlier.Busy ? Busy - earlier.Busy : 0;
        return Math.Clamp((double)busy / (Total - earlier.Total), 0, 1);
    }
}

/// <summary>
/// A procfs text file read again and again through one open handle into one buffer, with no allocation
/// per read (<c>/proc/stat</c>, <c>/proc/self/stat</c>).
/// </summary>
internal sealed class ProcTextFile : IDisposable
{
    private readonly byte[] _buffer;
    private SafeFileHandle? _handle;

    private ProcTextFile(string path, SafeFileHandle handle, int bufferSize)
    {
        Path = path;
        _handle = handle;
        _buffer = new byte[bufferSize];
    }

    internal string Path { get; }

    internal static ProcTextFile? TryOpen(string path, int bufferSize, out string? error)
    {
        var handle = CounterFile.TryOpenHandle(path, out _, out error);
        return handle is null ? null : new ProcTextFile(path, handle, bufferSize);
    }

    /// <summary>Reads the beginning of the file (up to the buffer's size).</summary>
    internal bool TryRead(out ReadOnlySpan<byte> text)
    {
        try
        {
            if (_handle is not null)
            {
                var length = RandomAccess.Read(_handle, _buffer, 0);
                text = _buffer.AsSpan(0, length);
                return length > 0;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        text = default;
        return false;
    }

    public void Dispose()
    {
        _handle?.Dispose();
        _handle = null;
    }
}

/// <summary>Parsers for the procfs lines the measurement reads. Pure and allocation-free.</summary>
internal static class ProcParsers
{
    /// <summary>Parses the aggregate <c>cpu</c> line at the start of <c>/proc/stat</c>.</summary>
    internal static bool TryParseMachine(ReadOnlySpan<byte> text, out MachineCpuTimes times)
    {
        times = default;
        if (!text.StartsWith("cpu "u8))
        {
            return false;
        }

        var end = text.IndexOf((byte)'\n');
        var line = end < 0 ? text : text[..end];
        line = line[4..];
        Span<ulong> fields = stackalloc ulong[8];
        var count = 0;
        while (count < fields.Length && TryNextNumber(ref line, out var value))
        {
            fields[count++] = value;
        }

        if (count < 4)
        {
            return false;
        }

        // user nice system idle iowait irq softirq steal
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
        var total = busy + fields[3] + fields[4] + fields[7];
        times = new MachineCpuTimes(busy, total);
        return true;
    }

    /// <summary>Parses utime + stime (clock ticks) from <c>/proc/[pid]/stat</c>; the command name in parentheses may hold spaces and parentheses.</summary>
    internal static bool TryParseProcessTicks(ReadOnlySpan<byte> text, out ulong ticks)
    {
        ticks = 0;
        var close = text.LastIndexOf((byte)')');
        if (close < 0)
        {
            return false;
        }

        var rest = text[(close + 1)..];

        // After the name: state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15).
        for (var field = 3; field <= 13; field++)
        {
            if (!SkipField(ref rest))
            {
                return false;
            }
        }

        if (!TryNextNumber(ref rest, out var utime) || !TryNextNumber(ref rest, out var stime))
        {
            return false;
        }

        ticks = utime + stime;
        return true;
    }

    /// <summary>Parses the run time in nanoseconds, the first number of <c>/proc/[pid]/task/[tid]/schedstat</c>.</summary>
    internal static bool TryParseSchedstat(ReadOnlySpan<byte> text, out ulong runNanoseconds) => TryNextNumber(ref text, out runNanoseconds);

    private static bool SkipField(ref ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && text[i] is not ((byte)' ' or (byte)'\n'))
        {
            i++;
        }

        text = text[i..];
        return i > start;
    }

    private static bool TryNextNumber(ref ReadOnlySpan<byte> text, out ulong value)
    {
        value = 0;
        var i = 0;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
        }

        var start = i;
        while (i < text.Length && text[i] is >= (byte)'0' and <= (byte)'9')
        {
            value = (value * 10) + (ulong)(text[i] - '0');
            i++;
        }

        var ok = i > start && (i == text.Length || text[i] is (byte)' ' or (byte)'\n');
        text = text[i..];
        return ok;
    }
}

/// <summary>
/// Reads the machine's CPU time (<c>$CARBONGEN_PROCFS_ROOT/stat</c>) and this process's
/// (<c>$CARBONGEN_PROCFS_ROOT/self/stat</c>) over cached handles: the process share of the CPU over an
/// interval is the ratio of their deltas, in the same clock ticks.
/// </summary>
internal sealed class ProcStatReader : IDisposable
{
    private readonly ProcTextFile? _machine;
    private readonly ProcTextFile? _process;

    internal ProcStatReader(string procfsRoot)
    {
        _machine = ProcTextFile.TryOpen(System.IO.Path.Combine(procfsRoot, "stat"), 1024, out var machineError);
        _process = ProcTextFile.TryOpen(System.IO.Path.Combine(procfsRoot, "self", "stat"), 1024, out var processError);
        MachineError = machineError;
        ProcessError = processError;
    }

    /// <summary>Why the machine's CPU time cannot be read, or <see langword="null"/>.</summary>
    internal string? MachineError { get; private set; }

    internal string? ProcessError { get; private set; }

    internal bool TryReadMachine(out MachineCpuTimes times)
    {
        if (_machine is not null && _machine.TryRead(out var text) && ProcParsers.TryParseMachine(text, out times))
        {
            return true;
        }

        MachineError ??= $"{_machine?.Path ?? "stat"} has no readable 'cpu' line";
        times = default;
        return false;
    }

    /// <summary>This process's user + system CPU time in clock ticks.</summary>
    internal bool TryReadProcessTicks(out ulong ticks)
    {
        if (_process is not null && _process.TryRead(out var text) && ProcParsers.TryParseProcessTicks(text, out ticks))
        {
            return true;
        }

        ProcessError ??= $"{_process?.Path ?? "self/stat"} cannot be parsed";
        ticks = 0;
        return false;
    }

    public void Dispose()
    {
        _machine?.Dispose();
        _process?.Dispose();
    }
}
