namespace CarbonGen.Reporting;

/// <summary>What one tracked method cost during the run.</summary>
/// <param name="Method">The method's display name, e.g. <c>MyApp.Primes.Sieve(int)</c>.</param>
/// <param name="Calls">Calls made, including those that threw (counted on entry, so a call still running is included).</param>
/// <param name="FailedCalls">Calls that threw, or whose task faulted.</param>
/// <param name="DurationSeconds">Inclusive wall time: entry to exit, nested tracked calls included, recursion counted once.</param>
/// <param name="SelfDurationSeconds">Wall time in the method itself, nested tracked calls excluded.</param>
/// <param name="CpuEnergyKwh">CPU energy attributed to the method's own time, kWh.</param>
/// <param name="GpuEnergyKwh">GPU energy attributed to the method, kWh.</param>
/// <param name="RamEnergyKwh">RAM energy attributed to the method's own time, kWh.</param>
/// <param name="EmissionsKg">CO2eq of that energy, kg.</param>
public sealed record MethodReport(
    string Method,
    long Calls,
    long FailedCalls,
    double DurationSeconds,
    double SelfDurationSeconds,
    double CpuEnergyKwh,
    double GpuEnergyKwh,
    double RamEnergyKwh,
    double EmissionsKg)
{
    /// <summary>Calls whose task, or one of whose asynchronous steps, was canceled (not counted as failed).</summary>
    public long CanceledCalls { get; init; }

    /// <summary>Energy of the method and of the tracked methods it called, kWh (rows overlap: these do not add up).</summary>
    public double InclusiveEnergyKwh { get; init; }

    /// <summary>Total energy, kWh.</summary>
    public double EnergyKwh => CpuEnergyKwh + GpuEnergyKwh + RamEnergyKwh;

    /// <summary>CO2eq per call, kg; 0 when there were no calls.</summary>
    public double EmissionsPerCallKg => Calls == 0 ? 0 : EmissionsKg / Calls;
}
