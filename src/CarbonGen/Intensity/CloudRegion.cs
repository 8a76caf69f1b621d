namespace CarbonGen.Intensity;

/// <summary>A region of a cloud provider with the intensity of its grid and the provider's PUE there.</summary>
/// <param name="Provider"><c>aws</c>, <c>azure</c> or <c>gcp</c>.</param>
/// <param name="Region">The region key as the provider spells it, e.g. <c>us-east-1</c>, <c>EastUS</c>, <c>europe-west1</c>.</param>
/// <param name="DisplayName">The provider's display name, e.g. <c>US East (N. Virginia)</c>, <c>East US</c>, <c>Belgium</c>; may be empty.</param>
/// <param name="CountryAlpha3">Country of the region, or empty for a pseudo-region without a location.</param>
/// <param name="Location">Country and city or state, as far as the source states it.</param>
/// <param name="GramsPerKwh">Grid intensity, g CO2eq/kWh.</param>
/// <param name="Year">Year of the figure.</param>
/// <param name="Pue">The provider's power usage effectiveness for this region (regional where published, else fleet-wide).</param>
public sealed record CloudRegion(
    string Provider,
    string Region,
    string DisplayName,
    string CountryAlpha3,
    string Location,
    double GramsPerKwh,
    int Year,
    double Pue)
{
    /// <inheritdoc />
    public override string ToString() => $"{Provider} {Region}";
}
