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

    /// <summary>Where the intensity came from, e.g. <c>world-average</c>.</summary>
    public required string IntensitySource { get; init; }

    /// <summary>Where the energy figures came from, e.g. <c>cpu-time-model</c> (an estimate, not a measurement).</summary>
    public required string EnergySource { get; init; }

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
