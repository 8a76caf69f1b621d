using System;
using System.Collections.Generic;
using System.Diagnostics;
using CarbonGen.Configuration;
using CarbonGen.Intensity;
using CarbonGen.Measurement;
using CarbonGen.Reporting;
using CarbonGen.Runtime;
using CarbonGen.Runtime.Attribution;

namespace CarbonGen;

/// <summary>
/// Reads what the interceptors measured. Reports are written at process exit on their own; this
/// type is for code that wants the figures earlier (tests, dashboards, a long-running service).
/// </summary>
public static class CarbonTracker
{
    /// <summary>
    /// Sets the code layer of the settings: the properties set in <paramref name="options"/>'s
    /// initializer win over the environment, <c>carbongen.json</c>, MSBuild properties and defaults.
    /// Call it early (before the first tracked call) so the intensity is resolved with it.
    /// </summary>
    /// <param name="options">The settings to apply; <see langword="null"/> removes the code layer.</param>
    public static void Configure(CarbonOptions? options)
    {
        CurrentSettings.Configure(options);
        IntensitySampler.Reset();
    }

    /// <summary>The settings in effect, resolved through code, environment, <c>carbongen.json</c>, MSBuild properties and defaults.</summary>
    public static CarbonOptions Settings => CurrentSettings.Resolved;

    /// <summary>Takes a snapshot of the run so far: process totals and one row per tracked method.</summary>
    public static CarbonReport GetReport() =>
        BuildReport(CurrentSettings.Resolved, IntensitySampler.Current, static () => EnergySampler.Shared, CarbonLog.Warn);

    /// <summary>
    /// The report, from the samplers of the run. The energy sampler is read once, through
    /// <paramref name="energySampler"/>: if it cannot be had (creating it threw), the report is made
    /// without measured energy, with a warning, rather than failing.
    /// </summary>
    internal static CarbonReport BuildReport(
        CarbonOptions settings,
        (IntensityResolver Resolver, IntensityTimeline Timeline) intensity,
        Func<EnergySampler> energySampler,
        Action<string> warn)
    {
        var process = SampleProcess();
        var sampler = Safely(energySampler, warn);
        var started = sampler is { HasStarted: true };
        var energy = started
            ? Safely(() => ProcessEnergyAttribution.From(sampler!.Snapshot(), settings.TrackingMode, process, MachineInfo.TotalMemoryGigabytes), warn)
            : null;
        var history = started ? Safely(() => sampler!.History, warn) : null;
        var methods = SampleMethods(Safely(() => MethodCpuSampler.Shared.Snapshot(), warn) ?? MethodCpuTimes.Unavailable);
        return ReportBuilder.Build(methods, process, settings.ProjectName, RunClock.RunId, DateTime.Now, Factors(settings, intensity, history), energy) with
        {
            TrackingMode = settings.TrackingMode,
        };
    }

    /// <summary>Writes the summary (to standard error) and the CSV files now, as they would be written at exit.</summary>
    /// <param name="options">Where and what to write; <see langword="null"/> uses <see cref="Settings"/>.</param>
    public static void WriteReports(CarbonOptions? options = null) =>
        ReportWriter.WriteAll(GetReport(), options ?? CurrentSettings.Resolved, Console.Error);

    /// <summary>
    /// A part of the report that failed (a sampler that could not start) is left out rather than
    /// losing the whole report: the CPU-time model and wall times stand in, and the summary says so.
    /// </summary>
    private static T? Safely<T>(Func<T?> read, Action<string> warn)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            warn($"CarbonGen: warning: part of the measurement is unavailable ({e.GetType().Name}: {e.Message}); the CPU-time model and wall times stand in.");
            return null;
        }
    }

    /// <param name="settings">The settings of the run.</param>
    /// <param name="state">The intensity resolver and the timeline of live readings.</param>
    /// <param name="history">The machine's cumulative energy at each sample, to weight live readings; <see langword="null"/> without an energy sampler.</param>
    private static EmissionFactors Factors(
        CarbonOptions settings,
        (IntensityResolver Resolver, IntensityTimeline Timeline) state,
        IReadOnlyList<(DateTimeOffset At, double Energy)>? history)
    {
        var (resolver, timeline) = state;
        var now = DateTimeOffset.Now;
        var start = RunClock.StartedAt == default ? now : new DateTimeOffset(RunClock.StartedAt);
        var intensity = !resolver.IsLive
            ? resolver.Baseline
            : history is not null
                ? timeline.WeightedByEnergy(history, start, now)
                : timeline.AverageGramsPerKwh(start, now);
        return new EmissionFactors(intensity, resolver.Pue, resolver.Wue, resolver.Location, settings.ExperimentId ?? string.Empty, EmbodiedEmissions.From(settings));
    }

    internal static List<MethodSample> SampleMethods() => SampleMethods(MethodCpuTimes.Unavailable);

    internal static List<MethodSample> SampleMethods(MethodCpuTimes cpu)
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
                SelfCpuSeconds = cpu.IsAvailable ? (i < cpu.SelfSeconds.Length ? cpu.SelfSeconds[i] : 0) : null,
                InclusiveCpuSeconds = cpu.IsAvailable ? (i < cpu.InclusiveSeconds.Length ? cpu.InclusiveSeconds[i] : 0) : null,
            });
        }

        return samples;
    }

    private static ProcessSample SampleProcess() =>
        new(RunClock.ElapsedSeconds, RunClock.CpuSeconds, Environment.WorkingSet / (1024.0 * 1024 * 1024));
}
