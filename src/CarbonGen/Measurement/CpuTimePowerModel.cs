namespace CarbonGen.Measurement;

/// <summary>
/// The CPU-time model: energy from this process's own CPU time, with no sensor and no view of the rest of
/// the machine. Every figure it produces is labelled <see cref="Source"/> so nobody mistakes it for a measurement.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>CPU: <c>E = process CPU seconds × TDP / logical CPUs</c>: each second of CPU time (user + system)
/// costs the rated power of one logical CPU (<see cref="CpuPowerModel.WattsPerLogicalCpu"/>). The machine's
/// idle power is not charged to the process. Without a rated power, <see cref="WattsPerBusyCore"/>: 4 W per
/// logical CPU is the figure CodeCarbon 3.x assumes for a CPU it detects but cannot find in its TDP table.
/// Process mode applies it wherever the machine's busy CPU time cannot be read (no <c>/proc/stat</c>).</item>
/// <item>RAM: <see cref="WattsPerGigabyte"/> watts per GiB of the process's working set, for the
/// whole run (CodeCarbon 2.x's 3 W per 8 GB), where no memory source is usable.</item>
/// </list>
/// </remarks>
internal static class CpuTimePowerModel
{
    internal const string Source = "cpu-time-model";

    internal const double WattsPerBusyCore = CpuPowerModel.WattsPerUnknownLogicalCpu;

    internal const double WattsPerGigabyte = 3.0 / 8.0;

    internal const double JoulesPerKilowattHour = 3_600_000.0;

    /// <summary>Joules for <paramref name="cpuSeconds"/> of process CPU time at <paramref name="wattsPerLogicalCpu"/> per busy logical CPU.</summary>
    internal static double CpuJoules(double cpuSeconds, double wattsPerLogicalCpu = WattsPerBusyCore) => cpuSeconds * wattsPerLogicalCpu;

    internal static double RamWatts(double workingSetGigabytes) => workingSetGigabytes * WattsPerGigabyte;
}
