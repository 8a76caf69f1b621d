namespace CarbonGen.Intensity;

/// <summary>What a measured run would have emitted in one cloud region.</summary>
/// <param name="Region">The region, with its intensity and PUE.</param>
/// <param name="EmissionsKg">CO2eq the run's IT energy would have caused there (the region's PUE and intensity applied), kg.</param>
/// <param name="ChangePercent">Change against the run as measured, percent (negative is better); <see langword="null"/> when the run emitted nothing.</param>
public sealed record RegionAdvice(CloudRegion Region, double EmissionsKg, double? ChangePercent);
