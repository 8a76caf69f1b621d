using System;
using System.Globalization;
using System.Linq;
using CarbonGen.Intensity;

namespace CarbonGen.Configuration;

/// <summary>Readers of raw setting values. Each failure says why and names the closest valid values.</summary>
internal static class SettingParsers
{
    internal static ParseResult Text(string raw, CarbonOptions _) => ParseResult.Success(raw);

    internal static ParseResult Boolean(string raw, CarbonOptions _) => raw.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => ParseResult.Success(true),
        "0" or "false" or "no" or "off" => ParseResult.Success(false),
        _ => ParseResult.Fail("is not a boolean; use true or false"),
    };

    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    internal static Func<string, CarbonOptions, ParseResult> Number(double min, double max, string unit, string? why = null) => (raw, _) =>
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            var hint = raw.Contains(',') && double.TryParse(raw.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var dotted)
                ? $"; write '{Format(dotted)}' (a dot for decimals)"
                : string.Empty;
            return ParseResult.Fail($"is not a number{hint}; use a number from {Format(min)} to {Format(max)}{Unit(unit)}");
        }

        if (value < min)
        {
            return ParseResult.Fail($"is below {Format(min)}{Unit(unit)}{why}; the closest valid value is {Format(min)}");
        }

        if (value > max)
        {
            return ParseResult.Fail($"is above {Format(max)}{Unit(unit)}{why}; the closest valid value is {Format(max)}");
        }

        return ParseResult.Success(value);
    };

    internal static ParseResult Url(string raw, CarbonOptions _) =>
        Uri.TryCreate(raw, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? ParseResult.Success(raw.TrimEnd('/'))
            : ParseResult.Fail("is not an absolute http or https URL, e.g. 'http://127.0.0.1:8080'");

    internal static ParseResult Mode(string raw, CarbonOptions _) => raw.ToLowerInvariant() switch
    {
        "process" => ParseResult.Success(TrackingMode.Process),
        "machine" => ParseResult.Success(TrackingMode.Machine),
        _ => ParseResult.Fail("is not a tracking mode; use 'process' or 'machine'"),
    };

    internal static ParseResult Country(string raw, CarbonOptions _)
    {
        var country = Locations.FindCountry(raw, out var byName);
        if (country is null)
        {
            var closest = Locations.SuggestCountries(raw);
            return ParseResult.Fail(
                "is not a known country (an ISO 3166 alpha-3 or alpha-2 code, or an English name)" +
                (closest.Count > 0 ? "; closest valid values: " + Suggestions.Join(closest) : string.Empty));
        }

        return ParseResult.Success(
            country.Alpha3,
            byName ? $"is a country name, not a code: using {country}. Write '{country.Alpha3}' to say so exactly." : null);
    }

    internal static ParseResult Region(string raw, CarbonOptions resolved)
    {
        var country = resolved.Country is null ? null : Locations.FindCountry(resolved.Country);
        var region = Locations.FindRegion(raw, country);
        if (region is not null)
        {
            return ParseResult.Success(region.Code);
        }

        var elsewhere = Locations.FindRegion(raw);
        if (country is not null)
        {
            var own = Locations.RegionsOf(country);
            var closest = Locations.SuggestRegions(raw, country);
            var problem = $"is not a region of {country}";
            if (elsewhere is not null)
            {
                problem += $" ('{elsewhere.Code}' is {elsewhere.Name}, {elsewhere.CountryAlpha3})";
            }

            problem += own.Count == 0
                ? $"; the tables have no regions for {country.Alpha3} (they have US states, Canadian provinces and Nordic bidding zones), so the country's average applies"
                : "; closest valid values: " + Suggestions.Join(closest.Count > 0 ? closest : own.Take(5).Select(r => r.Code).ToList());
            return ParseResult.Fail(problem);
        }

        var any = Locations.SuggestRegions(raw, null);
        return ParseResult.Fail(
            "is not a known region (a US state such as 'CA', a Canadian province such as 'QC', a Nordic bidding zone such as 'SE3')" +
            (any.Count > 0 ? "; closest valid values: " + Suggestions.Join(any) : string.Empty));
    }

    internal static ParseResult CloudProvider(string raw, CarbonOptions _)
    {
        var provider = Locations.FindCloudProvider(raw);
        return provider is not null
            ? ParseResult.Success(provider)
            : ParseResult.Fail("is not a known cloud provider; use 'aws', 'azure' or 'gcp'");
    }

    internal static ParseResult CloudRegion(string raw, CarbonOptions resolved)
    {
        if (resolved.CloudProvider is { } provider)
        {
            var region = Locations.FindCloudRegion(provider, raw);
            if (region is not null)
            {
                return ParseResult.Success(region.Region);
            }

            var closest = Locations.SuggestCloudRegions(provider, raw);
            return ParseResult.Fail(
                $"is not a known {provider} region" +
                (closest.Count > 0 ? "; closest valid values: " + Suggestions.Join(closest) : string.Empty));
        }

        var matches = IntensityData.CloudProviders
            .Select(p => Locations.FindCloudRegion(p, raw))
            .Where(r => r is not null)
            .ToList();
        if (matches.Count == 1)
        {
            return ParseResult.Success(matches[0]!.Region);
        }

        if (matches.Count > 1)
        {
            return ParseResult.Fail(
                "names a region of several providers (" + string.Join(", ", matches.Select(m => m!.Provider)) + "); set the cloud provider too");
        }

        var any = Locations.SuggestCloudRegions("", raw);
        return ParseResult.Fail(
            "is not a known region of aws, azure or gcp" + (any.Count > 0 ? "; closest valid values: " + Suggestions.Join(any) : string.Empty));
    }

    private static string Unit(string unit) => unit.Length == 0 ? string.Empty : " " + unit;

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
