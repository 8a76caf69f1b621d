using System;
using System.Linq;
using CarbonGen.Intensity;
using Xunit;

namespace CarbonGen.Tests.Intensity;

/// <summary>The embedded tables are complete and plausible; see data/README.md for their sources.</summary>
public class DataTableTests
{
    [Fact]
    public void Every_country_resolves_by_alpha3_alpha2_and_name()
    {
        Assert.True(IntensityData.Countries.Count >= 200, $"{IntensityData.Countries.Count} countries");
        foreach (var c in IntensityData.Countries)
        {
            Assert.Matches("^[A-Z]{3}$", c.Alpha3);
            Assert.Matches("^[A-Z]{2}$", c.Alpha2);
            Assert.Same(c, Locations.FindCountry(c.Alpha3));
            Assert.Same(c, Locations.FindCountry(c.Alpha2.ToLowerInvariant()));
            Assert.Same(c, Locations.FindCountry(c.Name.ToUpperInvariant()));
            if (c.IsoName.Length > 0)
            {
                Assert.Same(c, Locations.FindCountry(c.IsoName));
            }
        }

        Assert.Equal(IntensityData.Countries.Count, IntensityData.Countries.Select(c => c.Alpha2).Distinct().Count());
    }

    [Fact]
    public void No_intensity_is_negative_zero_or_absurd()
    {
        // The dirtiest grids (coal and oil only) are about 1,000-1,300 g/kWh; the cleanest (hydro, nuclear) a few g/kWh.
        foreach (var c in IntensityData.Countries)
        {
            Assert.InRange(c.GramsPerKwh, 1, 1_400);
            Assert.InRange(c.Year, 2000, 2030);
            Assert.True(c.Mix.TotalTwh > 0, c.ToString());
            Assert.InRange(c.Mix.FossilShare, 0, 1.0001);
        }

        foreach (var r in IntensityData.Regions)
        {
            Assert.InRange(r.GramsPerKwh, 1, 1_400);
            Assert.NotNull(Locations.FindCountry(r.CountryAlpha3));
        }

        foreach (var r in IntensityData.CloudRegions)
        {
            Assert.InRange(r.GramsPerKwh, 1, 1_400);
            Assert.InRange(r.Pue, 1.0, 2.0);
            if (r.CountryAlpha3.Length > 0)
            {
                Assert.NotNull(Locations.FindCountry(r.CountryAlpha3));
            }
        }
    }

    [Fact]
    public void A_coal_heavy_country_is_dirtier_than_a_hydro_and_nuclear_one()
    {
        // Consistency of intensity with its own mix: this catches shifted columns.
        var poland = Locations.FindCountry("POL")!;
        var france = Locations.FindCountry("FRA")!;
        Assert.True(poland.Mix.CoalTwh > poland.Mix.NuclearTwh);
        Assert.True(france.Mix.NuclearTwh > france.Mix.CoalTwh);
        Assert.True(poland.GramsPerKwh > 4 * france.GramsPerKwh);
    }

    [Fact]
    public void Sub_national_regions_cover_us_states_canadian_provinces_and_nordic_zones()
    {
        Assert.Equal(51, IntensityData.Regions.Count(r => r.CountryAlpha3 == "USA"));
        Assert.Equal(13, IntensityData.Regions.Count(r => r.CountryAlpha3 == "CAN"));
        Assert.Equal(["SE1", "SE2", "SE3", "SE4"], IntensityData.Regions.Where(r => r.CountryAlpha3 == "SWE").Select(r => r.Code).Order());
        Assert.Equal(5, IntensityData.Regions.Count(r => r.CountryAlpha3 == "NOR"));

        // Quebec is hydro: low, but not the ~4 g/kWh of a fossil-only count.
        Assert.InRange(Locations.FindRegion("QC")!.GramsPerKwh, 15, 60);
    }

    [Fact]
    public void Cloud_regions_of_all_three_providers_are_present()
    {
        Assert.True(IntensityData.CloudRegions.Count(r => r.Provider == "aws") >= 25);
        Assert.True(IntensityData.CloudRegions.Count(r => r.Provider == "azure") >= 50);
        Assert.True(IntensityData.CloudRegions.Count(r => r.Provider == "gcp") >= 40);
        Assert.DoesNotContain(IntensityData.CloudRegions, r => r.Region.Equals("Unknown", StringComparison.OrdinalIgnoreCase));
        foreach (var (provider, region) in new[] { ("aws", "us-east-1"), ("aws", "eu-north-1"), ("azure", "westeurope"), ("azure", "eastus"), ("gcp", "europe-west1"), ("gcp", "us-central1") })
        {
            Assert.NotNull(Locations.FindCloudRegion(provider, region));
        }
    }

    [Fact]
    public void Provider_pue_is_applied_regional_where_published()
    {
        Assert.Equal(1.135, Locations.FindCloudRegion("aws", "us-east-1")!.Pue);
        Assert.Equal(1.185, Locations.FindCloudRegion("azure", "eastus")!.Pue);
        Assert.Equal(1.09, Locations.FindCloudRegion("gcp", "europe-west1")!.Pue);
        Assert.Equal(1.1, Locations.FindCloudRegion("gcp", "asia-south1")!.Pue);
    }

    [Fact]
    public void Per_source_intensities_and_the_world_average_are_present()
    {
        Assert.Equal(475, IntensityData.EnergySources["world_average"]);
        Assert.Equal(IntensityData.WorldAverageGramsPerKwh, IntensityData.EnergySources["world_average"]);
        Assert.True(IntensityData.EnergySources["coal"] > IntensityData.EnergySources["natural_gas"]);
        Assert.True(IntensityData.EnergySources["natural_gas"] > IntensityData.EnergySources["nuclear"]);
    }
}
