using System;
#if !NET9_0_OR_GREATER
using System.Diagnostics;
#endif

namespace CarbonGen.Measurement;

/// <summary>
/// This process's CPU time (user + system, all threads) on every platform: <c>Environment.CpuUsage</c>
/// from .NET 9 (no allocation), <see cref="System.Diagnostics.Process.TotalProcessorTime"/> before.
/// </summary>
internal static class ProcessCpuClock
{
    /// <summary>CPU time used by this process since it started.</summary>
    internal static TimeSpan Now()
    {
#if NET9_0_OR_GREATER
        return Environment.CpuUsage.TotalTime;
#else
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
#endif
    }
}
