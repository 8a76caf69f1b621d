using System;
using System.Globalization;
using CarbonGen.Configuration;

namespace CarbonGen.Intensity;

/// <summary>
/// Turns the settings into the grid intensity of each moment, PUE and WUE. Resolution order:
/// forced value → live Electricity Maps (only with a token) → cloud provider + region → sub-national
/// region → country → world average (with a warning). Live data falls through, with one warning, on
/// any failure.
/// </summary>
public sealed class IntensityResolver : IDisposable
{
    private readonly Action<string> _warn;
    private readonly ElectricityMapsClient? _live;
    private readonly string? _zone;
    private bool _liveWarned;

    /// <summary>Resolves the location and the static intensity from settings already resolved by <see cref="CarbonOptions.Resolve"/>.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="warn">Receives warnings; default: standard error, once each.</param>
    /// <param name="liveClient">An Electricity Maps client to use instead of one built from the settings (tests).</param>
    public IntensityResolver(CarbonOptions options, Action<string>? warn = null, ElectricityMapsClient? liveClient = null)
    {
        _warn = warn ?? CarbonLog.Warn;
        Location = ResolveLocation(options, _warn);
        Baseline = ResolveBaseline(options, Location, _warn);
        Pue = options.Pue ?? Location.Cloud?.Pue ?? 1.0;
        Wue = options.Wue;

        if (Baseline.Source != IntensityReading.Forced && !string.IsNullOrEmpty(options.ElectricityMapsToken))
        {
            _zone = options.ElectricityMapsZone ?? ZoneOf(Location);
            if (options.ElectricityMapsZone is null && _zone == "US")
            {
                _warn("CarbonGen: warning: Electricity Maps divides the United States into balancing-authority zones, so zone 'US' may be refused: " +
                      "set CARBONGEN_ELECTRICITYMAPS_ZONE (e.g. US-CAL-CISO, US-NY-NYIS, US-MIDA-PJM). Until then, a refusal falls back to the static figure.");
            }

            if (_zone is null)
            {
                _warn("CarbonGen: warning: CARBONGEN_ELECTRICITYMAPS_TOKEN is set but no zone is known: set CARBONGEN_ELECTRICITYMAPS_ZONE (e.g. FR, DE, SE-SE3) or CARBONGEN_COUNTRY. Live data is not used.");
            }
            else
            {
                _live = liveClient ?? new ElectricityMapsClient(
                    options.ElectricityMapsUrl, options.ElectricityMapsToken!, TimeSpan.FromSeconds(options.ElectricityMapsTimeoutSeconds));
            }
        }
    }

    /// <summary>The country, region and cloud region in effect.</summary>
    public GridLocation Location { get; }

    /// <summary>The intensity without live data: forced, cloud region, region, country or world average.</summary>
    public IntensityReading Baseline { get; }

    /// <summary>Whether live data is requested for each moment.</summary>
    public bool IsLive => _live is not null;

    /// <summary>The Electricity Maps zone asked for, when live.</summary>
    public string? Zone => _zone;

    /// <summary>Power usage effectiveness: the configured value, else the provider's on a known cloud region, else 1.0.</summary>
    public double Pue { get; }

    /// <summary>Water usage effectiveness, L/kWh.</summary>
    public double Wue { get; }

    /// <summary>The intensity for <paramref name="moment"/>: live when opted in and available, otherwise <see cref="Baseline"/>.</summary>
    public IntensityReading At(DateTimeOffset moment)
    {
        if (_live is null || _zone is null)
        {
            return Baseline;
        }

        if (_live.TryGetIntensity(_zone, moment, out var grams, out var error))
        {
            return new IntensityReading(grams, IntensityReading.ElectricityMaps, "zone " + _zone);
        }

        if (!_liveWarned)
        {
            _liveWarned = true;
            _warn($"CarbonGen: warning: live intensity unavailable: {error}. Using {Baseline.Source} ({Baseline.Detail}) instead.");
        }

        return Baseline;
    }

    /// <inheritdoc />
    public void Dispose() => _live?.Dispose();

    private static GridLocation ResolveLocation(CarbonOptions options, Action<string> warn)
    {
        CloudRegion? cloud = null;
        var provider = options.CloudProvider;
        var cloudRegion = options.CloudRegion;
        if (cloudRegion is null && options.DetectCloud)
        {
            var detected = CloudMetadata.Detect(options.CloudMetadataUrl, TimeSpan.FromSeconds(1));
            if (detected is { } d)
            {
                (provider, cloudRegion) = (provider ?? d.Provider, d.Region);
            }
            else
            {
                warn($"CarbonGen: warning: CARBONGEN_DETECT_CLOUD is on but the metadata endpoint {options.CloudMetadataUrl} named no cloud region; set CARBONGEN_CLOUD_PROVIDER and CARBONGEN_CLOUD_REGION.");
            }
        }

        if (cloudRegion is not null)
        {
            if (provider is null)
            {
                foreach (var p in IntensityData.CloudProviders)
                {
                    cloud ??= Locations.FindCloudRegion(p, cloudRegion);
                }
            }
            else
            {
                cloud = Locations.FindCloudRegion(provider, cloudRegion);
            }

            if (cloud is null)
            {
                warn($"CarbonGen: warning: cloud region '{cloudRegion}' of '{provider}' is not in the tables; closest valid values: {Suggestions.Join(Locations.SuggestCloudRegions(provider ?? string.Empty, cloudRegion))}. The next source applies.");
            }
        }
        else if (provider is not null)
        {
            warn($"CarbonGen: warning: CARBONGEN_CLOUD_PROVIDER is '{provider}' but no cloud region is set; set CARBONGEN_CLOUD_REGION (e.g. {Example(provider)}) to use its intensity and PUE.");
        }

        var country = options.Country is null ? null : Locations.FindCountry(options.Country);
        var region = options.Region is null ? null : Locations.FindRegion(options.Region, country);
        if (region is not null && country is null)
        {
            country = Locations.FindCountry(region.CountryAlpha3);
        }

        if (cloud is not null && cloud.CountryAlpha3.Length > 0 && country?.Alpha3 != cloud.CountryAlpha3)
        {
            if (country is not null)
            {
                warn($"CarbonGen: warning: the cloud region {cloud.Provider} {cloud.Region} is in {cloud.CountryAlpha3}, not in the configured country {country}; the cloud region applies.");
                region = null;
            }

            country = Locations.FindCountry(cloud.CountryAlpha3);
        }

        return new GridLocation(country, region, cloud);
    }

    private static IntensityReading ResolveBaseline(CarbonOptions options, GridLocation location, Action<string> warn)
    {
        if (options.IntensityGramsPerKwh is { } forced)
        {
            var origin = options.Origins.TryGetValue(nameof(CarbonOptions.IntensityGramsPerKwh), out var o) ? o : "set";
            return new IntensityReading(forced, IntensityReading.Forced, origin);
        }

        if (location.Cloud is { } cloud)
        {
            return new IntensityReading(cloud.GramsPerKwh, IntensityReading.CloudRegion, string.Format(CultureInfo.InvariantCulture, "{0} {1}, {2}", cloud.Provider, cloud.Region, cloud.Year));
        }

        if (location.Region is { } region)
        {
            return new IntensityReading(region.GramsPerKwh, IntensityReading.Region, string.Format(CultureInfo.InvariantCulture, "{0} {1}, {2}", region.CountryAlpha3, region.Name, region.Year));
        }

        if (location.Country is { } country)
        {
            return new IntensityReading(country.GramsPerKwh, IntensityReading.Country, string.Format(CultureInfo.InvariantCulture, "{0}, {1}", country, country.Year));
        }

        warn("CarbonGen: warning: no location is configured, so the world average of 475 g CO2eq/kWh applies (intensity_source=world-average). " +
             "Set CARBONGEN_COUNTRY (e.g. FRA), CARBONGEN_CLOUD_PROVIDER with CARBONGEN_CLOUD_REGION, or CARBONGEN_INTENSITY_G_PER_KWH.");
        return new IntensityReading(IntensityData.WorldAverageGramsPerKwh, IntensityReading.WorldAverage, "IEA 2019");
    }

    /// <summary>
    /// The Electricity Maps zone for a location: Nordic bidding zones as <c>SE-SE3</c>, Canadian provinces
    /// as <c>CA-QC</c>, otherwise the country's alpha-2 code (the United States need an explicit zone).
    /// </summary>
    internal static string? ZoneOf(GridLocation location)
    {
        if (location.Region is { } region && (region.CountryAlpha3 is "SWE" or "NOR") && region.Code.Length == 3)
        {
            return region.Code[..2] + "-" + region.Code;
        }

        if (location.Region is { CountryAlpha3: "CAN" } province)
        {
            return "CA-" + province.Code;
        }

        return location.Country?.Alpha2;
    }

    private static string Example(string provider) => provider switch
    {
        "aws" => "us-east-1",
        "azure" => "eastus",
        _ => "europe-west1",
    };
}
