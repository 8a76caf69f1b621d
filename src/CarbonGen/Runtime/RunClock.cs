using System;
using System.Diagnostics;
using CarbonGen.Measurement;

namespace CarbonGen.Runtime;

/// <summary>Wall clock and process CPU time at the start of the run, read once, off the call path.</summary>
internal static class RunClock
{
    private static long s_startTimestamp;
    private static TimeSpan s_startCpu;

    internal static DateTime StartedAt { get; private set; }

    internal static Guid RunId { get; } = Guid.NewGuid();

    internal static void Start()
    {
        StartedAt = DateTime.Now;
        s_startCpu = ProcessCpuClock.Now();
        s_startTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Seconds since <see cref="Start"/>.</summary>
    internal static double ElapsedSeconds => s_startTimestamp == 0
        ? 0
        : Stopwatch.GetElapsedTime(s_startTimestamp).TotalSeconds;

    /// <summary>CPU seconds (user + system, all threads) this process used since <see cref="Start"/>.</summary>
    internal static double CpuSeconds => s_startTimestamp == 0
        ? 0
        : (ProcessCpuClock.Now() - s_startCpu).TotalSeconds;
}
