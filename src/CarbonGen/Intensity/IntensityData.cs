using System;
using System.Collections.Generic;
using System.Threading;

namespace CarbonGen.Intensity;

/// <summary>
/// The embedded intensity and cloud tables, parsed on first use (one table at a time) and then kept.
/// </summary>
public static class IntensityData
{
    /// <summary>World average grid intensity, g CO2eq/kWh (IEA 2019; the figure CodeCarbon falls back to).</summary>
    public const double WorldAverageGramsPerKwh = 475.0;

    private static readonly Lazy<IReadOnlyList<Country>> s_countries = new(LoadCountries, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<IReadOnlyList<GridRegion>> s_regions = new(LoadRegions, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<IReadOnlyList<CloudRegion>> s_cloud = new(LoadCloudRegions, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<IReadOnlyDictionary<string, double>> s_sources = new(LoadSources, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every country of the table, by alpha-3 code.</summary>
    public static IReadOnlyList<Country> Countries => s_countries.Value;

    /// <summary>US states, Canadian provinces and territories, Nordic bidding zones.</summary>
    public static IReadOnlyList<GridRegion> Regions => s_regions.Value;

    /// <summary>Regions of AWS, Azure and GCP.</summary>
    public static IReadOnlyList<CloudRegion> CloudRegions => s_cloud.Value;

    /// <summary>Lifecycle intensity per generation source, g CO2eq/kWh (<c>coal</c>, <c>natural_gas</c>, <c>hydroelectricity</c>, …, <c>world_average</c>).</summary>
    public static IReadOnlyDictionary<string, double> EnergySources => s_sources.Value;

    /// <summary>The cloud providers the tables know: <c>aws</c>, <c>azure</c>, <c>gcp</c>.</summary>
    public static IReadOnlyList<string> CloudProviders { get; } = ["aws", "azure", "gcp"];

    private static IReadOnlyList<Country> LoadCountries()
    {
        var list = new List<Country>();
        foreach (var r in EmbeddedTable.Read("intensity/countries.csv"))
        {
            list.Add(new Country(
                r["alpha3"],
                r["alpha2"],
                r["name"],
                r["iso_name"],
                EmbeddedTable.Integer(r, "year"),
                EmbeddedTable.Number(r, "g_per_kwh"),
                new EnergyMix(
                    EmbeddedTable.Number(r, "coal_twh"),
                    EmbeddedTable.Number(r, "gas_twh"),
                    EmbeddedTable.Number(r, "oil_twh"),
                    EmbeddedTable.Number(r, "nuclear_twh"),
                    EmbeddedTable.Number(r, "hydro_twh"),
                    EmbeddedTable.Number(r, "wind_twh"),
                    EmbeddedTable.Number(r, "solar_twh"),
                    EmbeddedTable.Number(r, "bioenergy_twh"),
                    EmbeddedTable.Number(r, "other_renewable_twh"),
                    EmbeddedTable.Number(r, "total_twh"))));
        }

        return list;
    }

    private static IReadOnlyList<GridRegion> LoadRegions()
    {
        var list = new List<GridRegion>();
        foreach (var r in EmbeddedTable.Read("intensity/subnational.csv"))
        {
            list.Add(new GridRegion(r["country_alpha3"], r["code"], r["name"], EmbeddedTable.Number(r, "g_per_kwh"), EmbeddedTable.Integer(r, "year")));
        }

        return list;
    }

    private static IReadOnlyList<CloudRegion> LoadCloudRegions()
    {
        var fleet = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        var regional = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedTable.Read("cloud/pue.csv"))
        {
            var pue = EmbeddedTable.Number(r, "pue");
            if (r["region"].Length == 0)
            {
                fleet[r["provider"]] = pue;
            }
            else
            {
                regional[r["provider"] + "/" + r["region"]] = pue;
            }
        }

        var list = new List<CloudRegion>();
        foreach (var r in EmbeddedTable.Read("cloud/regions.csv"))
        {
            var provider = r["provider"];
            var pue = regional.TryGetValue(provider + "/" + r["region"], out var p) ? p : fleet.TryGetValue(provider, out var f) ? f : 1.0;
            list.Add(new CloudRegion(
                provider,
                r["region"],
                r["display_name"],
                r["country_alpha3"],
                r["location"],
                EmbeddedTable.Number(r, "g_per_kwh"),
                EmbeddedTable.Integer(r, "year"),
                pue));
        }

        return list;
    }

    private static IReadOnlyDictionary<string, double> LoadSources()
    {
        var map = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in EmbeddedTable.Read("intensity/energy_sources.csv"))
        {
            map[r["source"]] = EmbeddedTable.Number(r, "g_per_kwh");
        }

        return map;
    }
}
