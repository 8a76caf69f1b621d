using System;
using System.Collections.Generic;

namespace CarbonGen.Reporting;

/// <summary>A snapshot of the run: process totals and one row per tracked method.</summary>
public sealed record CarbonReport
{
    /// <summary>Local time the snapshot was taken.</summary>
    public required DateTime Timestamp { get; init; }

    /// <summary>Project name (<c>CARBONGEN_PROJECT_NAME</c>, default: the entry assembly).</summary>
    public required string ProjectName { get; init; }

    /// <summary>Identifier of this run (one per process).</summary>
    public required Guid RunId { get; init; }

    /// <summary>Seconds since the run started (the first tracked call).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>CPU seconds the whole process used since the run started.</summary>
    public required double CpuSeconds { get; init; }

    /// <summary>Average CPU power attributed to the process, W.</summary>
    public required double CpuPowerWatts { get; init; }

    /// <summary>RAM power attributed to the process, W.</summary>
    public required double RamPowerWatts { get; init; }

    /// <summary>Process CPU energy, kWh.</summary>
    public required double CpuEnergyKwh { get; init; }

    /// <summary>Process GPU energy, kWh.</summary>
    public required double GpuEnergyKwh { get; init; }

    /// <summary>Process RAM energy, kWh.</summary>
    public required double RamEnergyKwh { get; init; }

    /// <summary>Process CO2eq, kg.</summary>
    public required double EmissionsKg { get; init; }

    /// <summary>Carbon intensity applied, g CO2eq/kWh.</summary>
    public required double IntensityGramsPerKwh { get; init; }

    /// <summary>
    /// Where the intensity came from: <c>forced</c>, <c>electricitymaps</c>, <c>cloud-region</c>,
    /// <c>region</c>, <c>country</c> or <c>world-average</c> (sources joined with <c>+</c> when live data
    /// failed for part of the run).
    /// </summary>
    public required string IntensitySource { get; init; }

    /// <summary>What exactly the intensity is, e.g. <c>France (FRA), 2023</c> or <c>aws us-east-1, 2020</c>.</summary>
    public string IntensityDetail { get; init; } = string.Empty;

    /// <summary>The <c>experiment_id</c> setting, or empty.</summary>
    public string ExperimentId { get; init; } = string.Empty;

    /// <summary>English name of the grid's country, or empty when unknown.</summary>
    public string CountryName { get; init; } = string.Empty;

    /// <summary>ISO 3166-1 alpha-3 code of the grid's country, or empty.</summary>
    public string CountryIsoCode { get; init; } = string.Empty;

    /// <summary>Sub-national region code (e.g. <c>CA</c>, <c>QC</c>, <c>SE3</c>), or empty.</summary>
    public string Region { get; init; } = string.Empty;

    /// <summary>Cloud provider (<c>aws</c>, <c>azure</c>, <c>gcp</c>), or empty.</summary>
    public string CloudProvider { get; init; } = string.Empty;

    /// <summary>Cloud region as the provider spells it, or empty.</summary>
    public string CloudRegion { get; init; } = string.Empty;

    /// <summary>Whether the run is in a known cloud region.</summary>
    public bool OnCloud { get; init; }

    /// <summary>Water usage effectiveness applied, L/kWh.</summary>
    public double Wue { get; init; }

    /// <summary>Water consumed: energy (PUE included) × WUE, litres.</summary>
    public double WaterConsumedLiters { get; init; }

    /// <summary>The machine's embodied emissions for the run (SCI's M), kg CO2eq; <see langword="null"/> when SCI is off.</summary>
    public double? EmbodiedEmissionsKg { get; init; }

    /// <summary>SCI per call for each method and <c>(untracked)</c>; empty when SCI is off.</summary>
    public IReadOnlyList<SciScore> Sci { get; init; } = [];

    /// <summary>Where the energy figures came from, e.g. <c>cpu-time-model</c> (an estimate, not a measurement).</summary>
    public required string EnergySource { get; init; }

    /// <summary><c>process</c> (this process's share of the machine's energy) or <c>machine</c>.</summary>
    public TrackingMode TrackingMode { get; init; } = TrackingMode.Process;

    /// <summary>Whether every energy figure came from a hardware counter (RAPL, hwmon, NVML) rather than a model.</summary>
    public bool EnergyIsMeasured { get; init; }

    /// <summary>How the energy figures were made (sources, models, tracking mode), for people.</summary>
    public string EnergyDetail { get; init; } = string.Empty;

    /// <summary>
    /// Every energy source tried or kept in reserve, in the order the meter tries them within each component,
    /// with whether it is used and, if not, why; empty when no meter ran (the CPU-time model alone).
    /// </summary>
    public IReadOnlyList<EnergySourceReport> EnergySources { get; init; } = [];

    /// <summary>Average GPU power attributed to the process, W.</summary>
    public double GpuPowerWatts { get; init; }

    /// <summary>Power usage effectiveness applied to every energy figure.</summary>
    public double Pue { get; init; } = 1.0;

    /// <summary>Working set of the process when the snapshot was taken, GiB.</summary>
    public required double RamUsedGigabytes { get; init; }

    /// <summary>One row per tracked method, in the order of most emissions first.</summary>
    public required IReadOnlyList<MethodReport> Methods { get; init; }

    /// <summary>The part of the process totals spent outside every tracked method.</summary>
    public required MethodReport Untracked { get; init; }

    /// <summary>Total process energy, kWh.</summary>
    public double EnergyKwh => CpuEnergyKwh + GpuEnergyKwh + RamEnergyKwh;
}
