using System;
using System.Collections.Generic;
using CarbonGen.Measurement;

namespace CarbonGen.Reporting;

/// <summary>Counters of one method, summed over threads, before energy is attributed.</summary>
internal readonly record struct MethodSample(string Method, long Calls, long FailedCalls, double DurationSeconds, double SelfDurationSeconds)
{
    /// <summary>Calls whose task, or one of whose asynchronous steps, was canceled.</summary>
    public long CanceledCalls { get; init; }
}

/// <summary>Process-wide figures over the run.</summary>
internal readonly record struct ProcessSample(double DurationSeconds, double CpuSeconds, double WorkingSetGigabytes);

/// <summary>
/// Turns counters into energy and CO2eq. Pure: the same samples always give the same report, which
/// is what the tests drive.
/// </summary>
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
        EmissionFactors factors)
    {
        var pue = factors.Pue;
        var intensity = factors.Intensity.GramsPerKwh;

        var processCpuJoules = CpuTimePowerModel.CpuJoules(process.CpuSeconds);
        var ramWatts = CpuTimePowerModel.RamWatts(process.WorkingSetGigabytes);
        var processRamJoules = ramWatts * process.DurationSeconds;

        // A method is charged for its own (self) time at the model's power. Threads can overlap and a
        // method can wait rather than compute, so the shares are scaled down whenever they would add up
        // to more than the process used; whatever is left goes to the "(untracked)" row.
        double sumCpu = 0, sumRam = 0;
        foreach (var m in methods)
        {
            sumCpu += CpuTimePowerModel.CpuJoules(m.SelfDurationSeconds);
            sumRam += ramWatts * m.SelfDurationSeconds;
        }

        var cpuScale = sumCpu > processCpuJoules && sumCpu > 0 ? processCpuJoules / sumCpu : 1.0;
        var ramScale = sumRam > processRamJoules && sumRam > 0 ? processRamJoules / sumRam : 1.0;

        var rows = new List<MethodReport>(methods.Count);
        double attributedCpu = 0, attributedRam = 0;
        foreach (var m in methods)
        {
            var cpu = CpuTimePowerModel.CpuJoules(m.SelfDurationSeconds) * cpuScale;
            var ram = ramWatts * m.SelfDurationSeconds * ramScale;
            attributedCpu += cpu;
            attributedRam += ram;
            rows.Add(Row(m.Method, m.Calls, m.FailedCalls, m.DurationSeconds, m.SelfDurationSeconds, cpu, ram, pue, intensity) with { CanceledCalls = m.CanceledCalls });
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
            Math.Max(0, processRamJoules - attributedRam),
            pue,
            intensity);

        var cpuKwh = ToKwh(processCpuJoules) * pue;
        var ramKwh = ToKwh(processRamJoules) * pue;
        var emissions = Emissions(cpuKwh + ramKwh, intensity);
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
            RamPowerWatts = ramWatts,
            CpuEnergyKwh = cpuKwh,
            GpuEnergyKwh = 0,
            RamEnergyKwh = ramKwh,
            EmissionsKg = emissions,
            IntensityGramsPerKwh = intensity,
            IntensitySource = factors.Intensity.Source,
            IntensityDetail = factors.Intensity.Detail,
            EnergySource = CpuTimePowerModel.Source,
            Pue = pue,
            Wue = factors.Wue,
            WaterConsumedLiters = (cpuKwh + ramKwh) * factors.Wue,
            ExperimentId = factors.ExperimentId,
            CountryName = location.Country?.Name ?? string.Empty,
            CountryIsoCode = location.Country?.Alpha3 ?? string.Empty,
            Region = location.Region?.Code ?? string.Empty,
            CloudProvider = location.Cloud?.Provider ?? string.Empty,
            CloudRegion = location.Cloud?.Region ?? string.Empty,
            OnCloud = location.OnCloud,
            EmbodiedEmissionsKg = embodied,
            Sci = embodied is { } embodiedKg ? Sci(rows, untracked, cpuKwh + ramKwh, embodiedKg) : [],
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
        string method, long calls, long failed, double duration, double self, double cpuJoules, double ramJoules, double pue, double intensity)
    {
        var cpuKwh = ToKwh(cpuJoules) * pue;
        var ramKwh = ToKwh(ramJoules) * pue;
        return new MethodReport(method, calls, failed, duration, self, cpuKwh, 0, ramKwh, Emissions(cpuKwh + ramKwh, intensity));
    }

    private static double ToKwh(double joules) => joules / CpuTimePowerModel.JoulesPerKilowattHour;

    private static double Emissions(double kwh, double gramsPerKwh) => kwh * gramsPerKwh / 1000.0;
}
