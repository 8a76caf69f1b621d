namespace CarbonGen.Intensity;

/// <summary>A country's grid: ISO 3166 codes, English name, average carbon intensity and the generation mix behind it.</summary>
/// <param name="Alpha3">ISO 3166-1 alpha-3 code, e.g. <c>FRA</c>.</param>
/// <param name="Alpha2">ISO 3166-1 alpha-2 code, e.g. <c>FR</c>.</param>
/// <param name="Name">English name, e.g. <c>France</c>.</param>
/// <param name="IsoName">The ISO short name where it differs from <paramref name="Name"/> (e.g. <c>Russian Federation</c>), otherwise empty.</param>
/// <param name="Year">Year of the figures.</param>
/// <param name="GramsPerKwh">Lifecycle grid intensity, g CO2eq/kWh.</param>
/// <param name="Mix">Electricity generation by source in <paramref name="Year"/>.</param>
public sealed record Country(string Alpha3, string Alpha2, string Name, string IsoName, int Year, double GramsPerKwh, EnergyMix Mix)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Alpha3})";
}
