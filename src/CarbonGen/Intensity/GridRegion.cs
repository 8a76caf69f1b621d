namespace CarbonGen.Intensity;

/// <summary>A grid area inside a country: a US state, a Canadian province or territory, a Nordic bidding zone.</summary>
/// <param name="CountryAlpha3">The country's ISO 3166-1 alpha-3 code.</param>
/// <param name="Code">The region's code, e.g. <c>CA</c> (California), <c>QC</c>, <c>SE3</c>.</param>
/// <param name="Name">English name.</param>
/// <param name="GramsPerKwh">Grid intensity, g CO2eq/kWh.</param>
/// <param name="Year">Year of the figure.</param>
public sealed record GridRegion(string CountryAlpha3, string Code, string Name, double GramsPerKwh, int Year)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Name}, {CountryAlpha3})";
}
