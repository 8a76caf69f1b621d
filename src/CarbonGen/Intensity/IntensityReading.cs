namespace CarbonGen.Intensity;

/// <summary>A grid carbon intensity and where it came from.</summary>
/// <param name="GramsPerKwh">g CO2eq per kWh.</param>
/// <param name="Source">
/// <c>forced</c>, <c>electricitymaps</c>, <c>cloud-region</c>, <c>region</c>, <c>country</c> or
/// <c>world-average</c>: the <c>intensity_source</c> column.
/// </param>
/// <param name="Detail">What exactly, e.g. <c>France (FRA), 2023</c> or <c>aws us-east-1</c>.</param>
public readonly record struct IntensityReading(double GramsPerKwh, string Source, string Detail)
{
    /// <summary><c>forced</c>: the value of <c>CARBONGEN_INTENSITY_G_PER_KWH</c>.</summary>
    public const string Forced = "forced";

    /// <summary><c>electricitymaps</c>: live data.</summary>
    public const string ElectricityMaps = "electricitymaps";

    /// <summary><c>cloud-region</c>: the configured cloud provider and region.</summary>
    public const string CloudRegion = "cloud-region";

    /// <summary><c>region</c>: a US state, Canadian province or Nordic bidding zone.</summary>
    public const string Region = "region";

    /// <summary><c>country</c>: the country's average.</summary>
    public const string Country = "country";

    /// <summary><c>world-average</c>: no location was known.</summary>
    public const string WorldAverage = "world-average";
}
