using System;
using System.Collections.Generic;
using System.Diagnostics;
using CarbonGen.Reporting;
using CarbonGen.Runtime;

namespace CarbonGen;

/// <summary>
/// Reads what the interceptors measured. Reports are written at process exit on their own; this
/// type is for code that wants the figures earlier (tests, dashboards, a long-running service).
/// </summary>
public static class CarbonTracker
{
    /// <summary>Takes a snapshot of the run so far: process totals and one row per tracked method.</summary>
    public static CarbonReport GetReport() =>
        ReportBuilder.Build(SampleMethods(), SampleProcess(), CarbonOptions.FromEnvironment().ProjectName, RunClock.RunId, DateTime.Now);

    /// <summary>Writes the summary (to standard error) and the CSV files now, as they would be written at exit.</summary>
    /// <param name="options">Where and what to write; <see langword="null"/> reads the <c>CARBONGEN_*</c> environment.</param>
    public static void WriteReports(CarbonOptions? options = null) =>
        ReportWriter.WriteAll(GetReport(), options ?? CarbonOptions.FromEnvironment(), Console.Error);

    internal static List<MethodSample> SampleMethods()
    {
        var methods = MethodRegistry.All;
        var sums = ThreadAccumulator.SumAll();
        var ticksPerSecond = (double)Stopwatch.Frequency;
        var samples = new List<MethodSample>(methods.Count);
        for (var i = 0; i < methods.Count && i < sums.Length; i++)
        {
            samples.Add(new MethodSample(
                methods[i].DisplayName,
                sums[i].Calls,
                sums[i].FailedCalls,
                sums[i].InclusiveTicks / ticksPerSecond,
                sums[i].SelfTicks / ticksPerSecond)
            {
                CanceledCalls = sums[i].CanceledCalls,
            });
        }

        return samples;
    }

    private static ProcessSample SampleProcess() =>
        new(RunClock.ElapsedSeconds, RunClock.CpuSeconds, Environment.WorkingSet / (1024.0 * 1024 * 1024));
}
