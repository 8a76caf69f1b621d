using System;
using System.Collections.Generic;
using System.Linq;
using CarbonGen.Measurement;

namespace CarbonGen.Reporting;

/// <summary>Counters of one method, summed over threads, before energy is attributed.</summary>
internal readonly record struct MethodSample(string Method, long Calls, long FailedCalls, double DurationSeconds, double SelfDurationSeconds)
{
    /// <summary>Calls whose task, or one of whose asynchronous steps, was canceled.</summary>
    public long CanceledCalls { get; init; }

    /// <summary>CPU seconds the sampler charged to the method itself, or <see langword="null"/> where thread CPU time cannot be read.</summary>
    public double? SelfCpuSeconds { get; init; }

    /// <summary>CPU seconds the sampler charged to the method and the tracked methods it called.</summary>
    public double? InclusiveCpuSeconds { get; init; }
}

/// <summary>Process-wide figures over the run.</summary>
internal readonly record struct ProcessSample(double DurationSeconds, double CpuSeconds, double WorkingSetGigabytes);

/// <summary>The process's energy over the run, by component (PUE not applied), and where it came from.</summary>
/// <param name="CpuJoules">CPU energy charged to the process (its share of the machine's, in process mode).</param>
/// <param name="GpuJoules">GPU energy charged to the process.</param>
/// <param name="RamJoules">Memory energy charged to the process.</param>
/// <param name="Source">The <c>energy_source</c> label, e.g. <c>cpu=rapl ram=ram-model</c>.</param>
/// <param name="IsMeasured">Every figure came from a hardware counter.</param>
/// <param name="Detail">How the figures were made, for the summary.</param>
internal sealed record ProcessEnergy(double CpuJoules, double GpuJoules, double RamJoules, string Source, bool IsMeasured, string Detail)
{
    /// <summary>Every source the meter tried or kept in reserve, in the order it tried them; empty without a meter.</summary>
    internal IReadOnlyList<EnergySourceReport> Sources { get; init; } = [];

    /// <summary>The fallback model: CPU time at a fixed power per busy logical CPU, and memory by working set.</summary>
    /// <param name="process">The process's CPU time, working set and duration.</param>
    /// <param name="wattsPerLogicalCpu">What one second of CPU time costs: the TDP per logical CPU where known.</param>
    internal static ProcessEnergy FromCpuTimeModel(ProcessSample process, double wattsPerLogicalCpu = CpuTimePowerModel.WattsPerBusyCore) => new(
        CpuTimePowerModel.CpuJoules(process.CpuSeconds, wattsPerLogicalCpu),
        0,
        CpuTimePowerModel.RamWatts(process.WorkingSetGigabytes) * process.DurationSeconds,
        CpuTimePowerModel.Source,
        false,
        string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{wattsPerLogicalCpu:0.###} W per busy core, {CpuTimePowerModel.WattsPerGigabyte} W per GB of RAM"));
}

/// <summary>
/// Turns counters into energy and CO2eq. Pure: the same samples always give the same report, which
/// is what the tests drive.
/// </summary>
/// <remarks>
/// How the process's energy is shared among the methods:
/// <list type="bullet">
/// <item>CPU by CPU time: the seconds the sampler charged to each method (self), or, where thread CPU time
/// cannot be read, its self wall time; against the process's CPU time.</item>
/// <item>Memory and GPU by self wall time, against the run's duration (a method holds memory, or waits on
/// the GPU, while it runs, whether or not it computes).</item>
/// <item>When the shares would add up to more than the process used (overlapping threads, sampling
/// skew), they are scaled down to it; what is left is the <c>(untracked)</c> row, so the rows add up to
/// the process total. Inclusive energy uses the same shares with inclusive times.</item>
/// </list>
/// </remarks>
internal static class ReportBuilder
{
    internal const string UntrackedName = "(untracked)";

    internal static CarbonReport Build(
        IReadOnlyList<MethodSample> methods,
        ProcessSample process,
        string projectName,
        Guid runId,
        DateTime timestamp) =>
        Build(methods, process, projectName, runId, timestamp, EmissionFactors.WorldAverage);

    internal static CarbonReport Build(
        IReadOnlyList<MethodSample> methods,
        ProcessSample process,
        string projectName,
        Guid runId,
        DateTime timestamp,
        EmissionFactors factors,
        ProcessEnergy? energy = null)
    {
        energy ??= ProcessEnergy.FromCpuTimeModel(process);
        var pue = factors.Pue;
        var intensity = factors.Intensity.GramsPerKwh;

        var processCpuJoules = energy.CpuJoules;
        var processGpuJoules = energy.GpuJoules;
        var processRamJoules = energy.RamJoules;

        var sampled = methods.Any(m => m.SelfCpuSeconds is not null);
        double CpuWeight(MethodSample m) => sampled ? m.SelfCpuSeconds ?? 0 : m.SelfDurationSeconds;
        double CpuInclusiveWeight(MethodSample m) => sampled ? m.InclusiveCpuSeconds ?? 0 : m.DurationSeconds;
        var cpuCapacity = Math.Max(process.CpuSeconds, methods.Sum(CpuWeight));
        var wallCapacity = Math.Max(process.DurationSeconds, methods.Sum(m => m.SelfDurationSeconds));
        static double Share(double weight, double capacity) => capacity > 0 ? Math.Min(1, weight / capacity) : 0;

        var rows = new List<MethodReport>(methods.Count);
        double attributedCpu = 0, attributedGpu = 0, attributedRam = 0;
        foreach (var m in methods)
        {
            var cpu = processCpuJoules * Share(CpuWeight(m), cpuCapacity);
            var wallShare = Share(m.SelfDurationSeconds, wallCapacity);
            var gpu = processGpuJoules * wallShare;
            var ram = processRamJoules * wallShare;
            attributedCpu += cpu;
            attributedGpu += gpu;
            attributedRam += ram;

            var inclusiveJoules = processCpuJoules * Share(CpuInclusiveWeight(m), cpuCapacity)
                + (processGpuJoules + processRamJoules) * Share(m.DurationSeconds, wallCapacity);
            rows.Add(Row(m.Method, m.Calls, m.FailedCalls, m.DurationSeconds, m.SelfDurationSeconds, cpu, gpu, ram, pue, intensity) with
            {
                CanceledCalls = m.CanceledCalls,
                InclusiveEnergyKwh = ToKwh(inclusiveJoules) * pue,
            });
        }

        rows.Sort(static (a, b) =>
        {
            var byEmissions = b.EmissionsKg.CompareTo(a.EmissionsKg);
            return byEmissions != 0 ? byEmissions : string.CompareOrdinal(a.Method, b.Method);
        });

        var untracked = Row(
            UntrackedName,
            0,
            0,
            0,
            0,
            Math.Max(0, processCpuJoules - attributedCpu),
            Math.Max(0, processGpuJoules - attributedGpu),
            Math.Max(0, processRamJoules - attributedRam),
            pue,
            intensity);

        var cpuKwh = ToKwh(processCpuJoules) * pue;
        var gpuKwh = ToKwh(processGpuJoules) * pue;
        var ramKwh = ToKwh(processRamJoules) * pue;
        var emissions = Emissions(cpuKwh + gpuKwh + ramKwh, intensity);
        var embodied = factors.Embodied?.ForDurationKg(process.DurationSeconds);
        var location = factors.Location;
        return new CarbonReport
        {
            Timestamp = timestamp,
            ProjectName = projectName,
            RunId = runId,
            DurationSeconds = process.DurationSeconds,
            CpuSeconds = process.CpuSeconds,
            CpuPowerWatts = process.DurationSeconds > 0 ? processCpuJoules / process.DurationSeconds : 0,
            GpuPowerWatts = process.DurationSeconds > 0 ? processGpuJoules / process.DurationSeconds : 0,
            RamPowerWatts = process.DurationSeconds > 0 ? processRamJoules / process.DurationSeconds : 0,
            CpuEnergyKwh = cpuKwh,
            GpuEnergyKwh = gpuKwh,
            RamEnergyKwh = ramKwh,
            EmissionsKg = emissions,
            IntensityGramsPerKwh = intensity,
            IntensitySource = factors.Intensity.Source,
            IntensityDetail = factors.Intensity.Detail,
            EnergySource = energy.Source,
            EnergyIsMeasured = energy.IsMeasured,
            EnergyDetail = energy.Detail,
            EnergySources = energy.Sources,
            Pue = pue,
            Wue = factors.Wue,
            WaterConsumedLiters = (cpuKwh + gpuKwh + ramKwh) * factors.Wue,
            ExperimentId = factors.ExperimentId,
            CountryName = location.Country?.Name ?? string.Empty,
            CountryIsoCode = location.Country?.Alpha3 ?? string.Empty,
            Region = location.Region?.Code ?? string.Empty,
            CloudProvider = location.Cloud?.Provider ?? string.Empty,
            CloudRegion = location.Cloud?.Region ?? string.Empty,
            OnCloud = location.OnCloud,
            EmbodiedEmissionsKg = embodied,
            Sci = embodied is { } embodiedKg ? Sci(rows, untracked, cpuKwh + gpuKwh + ramKwh, embodiedKg) : [],
            RamUsedGigabytes = process.WorkingSetGigabytes,
            Methods = rows,
            Untracked = untracked,
        };
    }

    /// <summary>SCI per method: its operational CO2eq plus the run's embodied emissions shared by energy.</summary>
    private static List<SciScore> Sci(List<MethodReport> rows, MethodReport untracked, double processKwh, double embodiedKg)
    {
        var scores = new List<SciScore>(rows.Count + 1);
        foreach (var row in rows)
        {
            scores.Add(new SciScore(row.Method, row.Calls, row.EmissionsKg, processKwh > 0 ? embodiedKg * row.EnergyKwh / processKwh : 0));
        }

        scores.Add(new SciScore(untracked.Method, 0, untracked.EmissionsKg, processKwh > 0 ? embodiedKg * untracked.EnergyKwh / processKwh : embodiedKg));
        return scores;
    }

    private static MethodReport Row(
        string method, long calls, long failed, double duration, double self, double cpuJoules, double gpuJoules, double ramJoules, double pue, double intensity)
    {
        var cpuKwh = ToKwh(cpuJoules) * pue;
        var gpuKwh = ToKwh(gpuJoules) * pue;
        var ramKwh = ToKwh(ramJoules) * pue;
        return new MethodReport(method, calls, failed, duration, self, cpuKwh, gpuKwh, ramKwh, Emissions(cpuKwh + gpuKwh + ramKwh, intensity));
    }

    private static double ToKwh(double joules) => joules / CpuTimePowerModel.JoulesPerKilowattHour;

    private static double Emissions(double kwh, double gramsPerKwh) => kwh * gramsPerKwh / 1000.0;
}
