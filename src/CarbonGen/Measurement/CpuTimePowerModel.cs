namespace CarbonGen.Measurement;

/// <summary>
/// The first, simple energy model: energy from CPU time and memory, with no sensor.
/// Every figure it produces is labelled <see cref="Source"/> so nobody mistakes it for a measurement.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>CPU: <see cref="WattsPerBusyCore"/> watts for each second of CPU time (user + system) the
/// process used. 4 W per logical CPU is the figure CodeCarbon 3.x assumes for a CPU it detects but
/// cannot find in its TDP table.</item>
/// <item>RAM: <see cref="WattsPerGigabyte"/> watts per GiB of the process's working set, for the
/// whole run (CodeCarbon 2.x's 3 W per 8 GB).</item>
/// </list>
/// </remarks>
internal static class CpuTimePowerModel
{
    internal const string Source = "cpu-time-model";

    internal const double WattsPerBusyCore = 4.0;

    internal const double WattsPerGigabyte = 3.0 / 8.0;

    internal const double JoulesPerKilowattHour = 3_600_000.0;

    internal static double CpuJoules(double cpuSeconds) => cpuSeconds * WattsPerBusyCore;

    internal static double RamWatts(double workingSetGigabytes) => workingSetGigabytes * WattsPerGigabyte;
}
