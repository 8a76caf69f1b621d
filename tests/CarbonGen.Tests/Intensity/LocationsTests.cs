using CarbonGen.Intensity;
using Xunit;

namespace CarbonGen.Tests.Intensity;

public class LocationsTests
{
    [Theory]
    [InlineData("aws", "us-east-1", "us-east-1")]
    [InlineData("AWS", "US-EAST-1", "us-east-1")]
    [InlineData("aws", "US East (N. Virginia)", "us-east-1")]
    [InlineData("azure", "eastus", "EastUS")]
    [InlineData("azure", "East US", "EastUS")]
    [InlineData("Azure", "EASTUS", "EastUS")]
    [InlineData("azure", "West Europe", "westeurope")]
    [InlineData("gcp", "europe-west1", "europe-west1")]
    [InlineData("google", "Europe-West1", "europe-west1")]
    public void Cloud_regions_are_found_as_each_provider_spells_them(string provider, string value, string expected)
    {
        Assert.Equal(expected, Locations.FindCloudRegion(provider, value)?.Region);
    }

    [Fact]
    public void A_cloud_region_of_another_provider_is_not_found()
    {
        Assert.Null(Locations.FindCloudRegion("gcp", "us-east-1"));
        Assert.Null(Locations.FindCloudRegion("oracle", "us-east-1"));
    }

    [Fact]
    public void A_mistyped_cloud_region_gets_close_suggestions()
    {
        Assert.Contains("europe-west1", Locations.SuggestCloudRegions("gcp", "europe-wst1"));
        Assert.Contains("us-east-1", Locations.SuggestCloudRegions("aws", "us-east1"));
    }

    [Theory]
    [InlineData("FRA")]
    [InlineData("fr")]
    [InlineData("France")]
    [InlineData("FRANCE")]
    public void A_country_is_found_by_code_or_name(string value)
    {
        Assert.Equal("FRA", Locations.FindCountry(value)?.Alpha3);
    }

    [Fact]
    public void An_unknown_country_gets_did_you_mean_suggestions()
    {
        Assert.Null(Locations.FindCountry("Frnace"));
        Assert.Contains("France (FRA)", Locations.SuggestCountries("Frnace"));
        Assert.Contains("France (FRA)", Locations.SuggestCountries("FRAN"));
        Assert.NotEmpty(Locations.SuggestCountries("XYZ"));
    }

    [Fact]
    public void A_region_is_found_within_its_country_only()
    {
        var usa = Locations.FindCountry("USA");
        var france = Locations.FindCountry("FRA");
        Assert.Equal("CA", Locations.FindRegion("california", usa)?.Code);
        Assert.Equal("CA", Locations.FindRegion("ca", usa)?.Code);
        Assert.Null(Locations.FindRegion("CA", france));
        Assert.Equal("QC", Locations.FindRegion("Quebec")?.Code);
    }
}
