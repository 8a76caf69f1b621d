using System;
using System.Collections.Generic;
using CarbonGen.Intensity;
using Xunit;

namespace CarbonGen.Tests.Intensity;

/// <summary>
/// Each step of the resolution order: forced → live (see <see cref="ElectricityMapsClientTests"/>) →
/// cloud region → sub-national region → country → world average.
/// </summary>
public class IntensityResolverTests
{
    private static (IntensityResolver Resolver, List<string> Warnings) Resolve(CarbonOptions options)
    {
        var warnings = new List<string>();
        return (new IntensityResolver(options, warnings.Add), warnings);
    }

    [Fact]
    public void A_forced_value_wins_over_every_location()
    {
        var (r, warnings) = Resolve(new CarbonOptions { IntensityGramsPerKwh = 123.5, Country = "FRA", CloudProvider = "aws", CloudRegion = "eu-west-3" });
        Assert.Equal(123.5, r.Baseline.GramsPerKwh);
        Assert.Equal("forced", r.Baseline.Source);
        Assert.Empty(warnings);
        Assert.Equal(r.Baseline, r.At(DateTimeOffset.Now));
    }

    [Fact]
    public void A_cloud_region_wins_over_region_and_country_and_brings_the_provider_pue()
    {
        var (r, _) = Resolve(new CarbonOptions { CloudProvider = "aws", CloudRegion = "eu-north-1", Region = "SE3" });
        Assert.Equal("cloud-region", r.Baseline.Source);
        Assert.Equal(Locations.FindCloudRegion("aws", "eu-north-1")!.GramsPerKwh, r.Baseline.GramsPerKwh);
        Assert.Equal(1.135, r.Pue);
        Assert.True(r.Location.OnCloud);
        Assert.Equal("SWE", r.Location.Country?.Alpha3);
    }

    [Fact]
    public void A_configured_pue_wins_over_the_provider_pue()
    {
        var (r, _) = Resolve(new CarbonOptions { CloudProvider = "gcp", CloudRegion = "europe-west1", Pue = 1.4 });
        Assert.Equal(1.4, r.Pue);
    }

    [Fact]
    public void A_cloud_region_in_another_country_than_the_configured_one_is_reported()
    {
        var (r, warnings) = Resolve(new CarbonOptions { Country = "FRA", CloudProvider = "azure", CloudRegion = "East US" });
        Assert.Equal("USA", r.Location.Country?.Alpha3);
        Assert.Contains(warnings, w => w.Contains("azure EastUS is in USA, not in the configured country France (FRA)"));
    }

    [Fact]
    public void A_region_wins_over_its_country()
    {
        var (r, _) = Resolve(new CarbonOptions { Country = "USA", Region = "CA" });
        Assert.Equal("region", r.Baseline.Source);
        Assert.Equal(Locations.FindRegion("CA")!.GramsPerKwh, r.Baseline.GramsPerKwh);
        Assert.NotEqual(Locations.FindCountry("USA")!.GramsPerKwh, r.Baseline.GramsPerKwh);
        Assert.Equal(1.0, r.Pue);
        Assert.False(r.Location.OnCloud);
    }

    [Fact]
    public void A_region_alone_implies_its_country()
    {
        var (r, _) = Resolve(new CarbonOptions { Region = "QC" });
        Assert.Equal("CAN", r.Location.Country?.Alpha3);
        Assert.Equal("region", r.Baseline.Source);
    }

    [Fact]
    public void A_country_gives_its_average()
    {
        var (r, warnings) = Resolve(new CarbonOptions { Country = "FRA" });
        Assert.Equal("country", r.Baseline.Source);
        Assert.Equal(Locations.FindCountry("FRA")!.GramsPerKwh, r.Baseline.GramsPerKwh);
        Assert.Contains("France (FRA)", r.Baseline.Detail);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Without_a_location_the_world_average_applies_with_a_warning_never_another_country()
    {
        var (r, warnings) = Resolve(new CarbonOptions());
        Assert.Equal(475, r.Baseline.GramsPerKwh);
        Assert.Equal("world-average", r.Baseline.Source);
        Assert.Null(r.Location.Country);
        var warning = Assert.Single(warnings);
        Assert.Contains("world average of 475", warning);
        Assert.Contains("CARBONGEN_COUNTRY", warning);
    }

    [Fact]
    public void An_unknown_cloud_region_falls_through_to_the_next_source_with_suggestions()
    {
        var (r, warnings) = Resolve(new CarbonOptions { CloudProvider = "gcp", CloudRegion = "europe-wst1", Country = "BEL" });
        Assert.Equal("country", r.Baseline.Source);
        Assert.Contains(warnings, w => w.Contains("'europe-wst1'") && w.Contains("'europe-west1'"));
    }

    [Fact]
    public void Wue_is_carried_and_pue_defaults_to_one()
    {
        var (r, _) = Resolve(new CarbonOptions { Country = "FRA", Wue = 1.8 });
        Assert.Equal(1.8, r.Wue);
        Assert.Equal(1.0, r.Pue);
    }

    [Fact]
    public void Live_data_asks_for_a_Canadian_province_zone_and_warns_that_the_US_needs_one()
    {
        var (quebec, quebecWarnings) = Resolve(new CarbonOptions { Country = "CAN", Region = "QC", ElectricityMapsToken = "secret-token", ElectricityMapsUrl = "http://127.0.0.1:9" });
        Assert.Equal("CA-QC", quebec.Zone);
        Assert.DoesNotContain(quebecWarnings, w => w.Contains("balancing-authority", StringComparison.Ordinal));

        var (usa, usaWarnings) = Resolve(new CarbonOptions { Country = "USA", ElectricityMapsToken = "secret-token", ElectricityMapsUrl = "http://127.0.0.1:9" });
        Assert.Equal("US", usa.Zone);
        var warning = Assert.Single(usaWarnings, w => w.Contains("CARBONGEN_ELECTRICITYMAPS_ZONE", StringComparison.Ordinal));
        Assert.DoesNotContain("secret-token", warning);

        var (explicitZone, explicitWarnings) = Resolve(new CarbonOptions { Country = "USA", ElectricityMapsZone = "US-CAL-CISO", ElectricityMapsToken = "secret-token", ElectricityMapsUrl = "http://127.0.0.1:9" });
        Assert.Equal("US-CAL-CISO", explicitZone.Zone);
        Assert.DoesNotContain(explicitWarnings, w => w.Contains("balancing-authority", StringComparison.Ordinal));
    }
}
