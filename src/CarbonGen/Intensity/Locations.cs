using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CarbonGen.Intensity;

/// <summary>
/// Finds countries, sub-national regions and cloud regions the way users write them: case-insensitive,
/// by code or name; cloud regions as each provider spells them (<c>us-east-1</c>, <c>eastus</c> or
/// <c>East US</c>, <c>europe-west1</c>). A miss comes with the closest valid values.
/// </summary>
public static class Locations
{
    /// <summary>Finds a country by ISO alpha-3 (<c>FRA</c>), alpha-2 (<c>FR</c>) or English name (<c>France</c>).</summary>
    public static Country? FindCountry(string value) => FindCountry(value, out _);

    /// <summary>Finds a country; <paramref name="byName"/> tells whether the value was a name rather than a code.</summary>
    public static Country? FindCountry(string value, out bool byName)
    {
        byName = false;
        var v = value.Trim();
        if (v.Length == 0)
        {
            return null;
        }

        foreach (var c in IntensityData.Countries)
        {
            if (Same(c.Alpha3, v) || Same(c.Alpha2, v))
            {
                return c;
            }
        }

        foreach (var c in IntensityData.Countries)
        {
            if (Same(c.Name, v) || (c.IsoName.Length > 0 && Same(c.IsoName, v)))
            {
                byName = true;
                return c;
            }
        }

        return null;
    }

    /// <summary>The countries closest to an unknown value, written as <c>France (FRA)</c>.</summary>
    public static IReadOnlyList<string> SuggestCountries(string value) =>
        Suggestions.Closest(value, IntensityData.Countries.SelectMany(static c => new[]
        {
            (c.Alpha3, c.ToString()),
            (c.Alpha2, c.ToString()),
            (c.Name, c.ToString()),
        }));

    /// <summary>
    /// Finds a sub-national region by code (<c>CA</c>, <c>QC</c>, <c>SE3</c>) or name (<c>California</c>),
    /// within <paramref name="country"/> when one is given.
    /// </summary>
    public static GridRegion? FindRegion(string value, Country? country = null)
    {
        var v = value.Trim();
        var candidates = RegionsOf(country);
        return candidates.FirstOrDefault(r => Same(r.Code, v)) ?? candidates.FirstOrDefault(r => Same(r.Name, v));
    }

    /// <summary>The regions of a country (all regions when <paramref name="country"/> is <see langword="null"/>).</summary>
    public static IReadOnlyList<GridRegion> RegionsOf(Country? country) =>
        country is null
            ? IntensityData.Regions
            : IntensityData.Regions.Where(r => r.CountryAlpha3 == country.Alpha3).ToList();

    /// <summary>The regions closest to an unknown value among those of <paramref name="country"/>.</summary>
    public static IReadOnlyList<string> SuggestRegions(string value, Country? country) =>
        Suggestions.Closest(value, RegionsOf(country).SelectMany(static r => new[] { (r.Code, r.Code), (r.Name, r.Code) }));

    /// <summary>Normalises a provider name: <c>AWS</c>, <c>amazon</c> → <c>aws</c>; <c>microsoft</c> → <c>azure</c>; <c>google</c> → <c>gcp</c>.</summary>
    public static string? FindCloudProvider(string value) =>
        Squash(value) switch
        {
            "aws" or "amazon" or "amazonwebservices" => "aws",
            "azure" or "microsoft" or "microsoftazure" => "azure",
            "gcp" or "google" or "googlecloud" or "googlecloudplatform" => "gcp",
            _ => null,
        };

    /// <summary>
    /// Finds a cloud region of a provider by key (case-insensitive; Azure keys also without regard to
    /// spaces, so <c>East US</c> is <c>eastus</c>) or by display name (<c>US East (N. Virginia)</c>).
    /// </summary>
    public static CloudRegion? FindCloudRegion(string provider, string region)
    {
        var p = FindCloudProvider(provider);
        if (p is null)
        {
            return null;
        }

        var key = Squash(region);
        if (key.Length == 0)
        {
            return null;
        }

        var regions = IntensityData.CloudRegions.Where(r => r.Provider == p).ToList();
        // Hyphenated keys (AWS, GCP) must match exactly, so that gcp "us-east-1" does not become us-east1;
        // Azure keys (eastus) also match their spaced display form ("East US").
        return regions.FirstOrDefault(r => string.Equals(r.Region, region.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? regions.FirstOrDefault(r => !r.Region.Contains('-') && Squash(r.Region) == key)
            ?? regions.FirstOrDefault(r => r.DisplayName.Length > 0 && Squash(r.DisplayName) == key);
    }

    /// <summary>The regions of a provider closest to an unknown value.</summary>
    public static IReadOnlyList<string> SuggestCloudRegions(string provider, string region)
    {
        var p = FindCloudProvider(provider);
        return Suggestions.Closest(
            Squash(region),
            IntensityData.CloudRegions.Where(r => p is null || r.Provider == p).SelectMany(static r => new[]
            {
                (Squash(r.Region), r.Region),
                (Squash(r.DisplayName), r.Region),
            }));
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Lower-case letters and digits only: <c>East US</c> → <c>eastus</c>, <c>us-east-1</c> → <c>useast1</c>.</summary>
    internal static string Squash(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }

        return text.ToString();
    }
}
