using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CarbonGen.Reporting;

namespace CarbonGen.Intensity;

/// <summary>
/// Where would this run have been cleaner? Ranks a provider's regions by grid intensity and tells what
/// a measured run would have emitted in each: "this run: 12.4 g in us-east-1; 1.1 g in eu-north-1 (-91%)".
/// </summary>
public static class LowCarbonAdvice
{
    /// <summary>
    /// The regions of <paramref name="provider"/> (<c>aws</c>, <c>azure</c>, <c>gcp</c>), cleanest first.
    /// Azure's stage and EUAP aliases and its pseudo-regions without a location are left out.
    /// </summary>
    /// <exception cref="ArgumentException">The provider is not one of the three.</exception>
    public static IReadOnlyList<CloudRegion> RankRegions(string provider)
    {
        var p = Locations.FindCloudProvider(provider)
            ?? throw new ArgumentException($"'{provider}' is not a known cloud provider; use 'aws', 'azure' or 'gcp'.", nameof(provider));
        return IntensityData.CloudRegions
            .Where(r => r.Provider == p && r.CountryAlpha3.Length > 0 && !IsAlias(r))
            .OrderBy(r => r.GramsPerKwh * r.Pue)
            .ThenBy(r => r.Region, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// What the run would have emitted in each region of <paramref name="provider"/>, cleanest first.
    /// The run's IT energy (its energy without its own PUE) gets each region's PUE and intensity.
    /// </summary>
    public static IReadOnlyList<RegionAdvice> ForRun(CarbonReport report, string provider) =>
        ForEnergy(report.EnergyKwh / (report.Pue > 0 ? report.Pue : 1.0), report.EmissionsKg, provider);

    /// <summary>Same as <see cref="ForRun"/> for an IT energy and the emissions measured with it.</summary>
    /// <param name="itEnergyKwh">Energy of the machine, PUE not applied, kWh.</param>
    /// <param name="measuredEmissionsKg">CO2eq as measured, kg (the reference of the percentages).</param>
    /// <param name="provider"><c>aws</c>, <c>azure</c> or <c>gcp</c>.</param>
    public static IReadOnlyList<RegionAdvice> ForEnergy(double itEnergyKwh, double measuredEmissionsKg, string provider) =>
        RankRegions(provider)
            .Select(r =>
            {
                var kg = itEnergyKwh * r.Pue * r.GramsPerKwh / 1000.0;
                double? change = measuredEmissionsKg > 0 ? 100.0 * (kg - measuredEmissionsKg) / measuredEmissionsKg : null;
                return new RegionAdvice(r, kg, change);
            })
            .ToList();

    /// <summary>
    /// One line: where the run was and the <paramref name="count"/> cleanest regions, e.g.
    /// <c>this run: 12.4 g in us-east-1; 1.1 g in eu-north-1 (-91%)</c>.
    /// </summary>
    public static string Describe(CarbonReport report, string provider, int count = 3)
    {
        var culture = CultureInfo.InvariantCulture;
        var where = report.CloudRegion.Length > 0 ? report.CloudRegion : report.CountryIsoCode.Length > 0 ? report.CountryIsoCode : report.IntensitySource;
        var text = new StringBuilder("this run: ").Append(Grams(report.EmissionsKg, culture)).Append(" in ").Append(where);
        foreach (var advice in ForRun(report, provider).Take(Math.Max(0, count)))
        {
            text.Append("; ").Append(Grams(advice.EmissionsKg, culture)).Append(" in ").Append(advice.Region.Region);
            if (advice.ChangePercent is { } change)
            {
                text.Append(" (").Append(change >= 0 ? "+" : string.Empty).Append(Math.Round(change).ToString("0", culture)).Append("%)");
            }
        }

        return text.ToString();
    }

    private static string Grams(double kg, CultureInfo culture)
    {
        var grams = kg * 1000.0;
        return grams >= 0.1 || grams == 0
            ? grams.ToString("0.#", culture) + " g"
            : (grams * 1000.0).ToString("0.###", culture) + " mg";
    }

    private static bool IsAlias(CloudRegion r) =>
        r.Provider == "azure" && (r.Region.EndsWith("stage", StringComparison.OrdinalIgnoreCase) || r.Region.EndsWith("euap", StringComparison.OrdinalIgnoreCase));
}
