using System.Collections.Generic;
using CarbonGen.Configuration;
using Xunit;

namespace CarbonGen.Tests.Configuration;

/// <summary>
/// Each bad value of the issue gives one message naming the setting, the value, where it came from
/// and the closest valid values; the next source then applies.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
public class BadValueTests
{
    private static (CarbonOptions Options, List<string> Warnings) Resolve(SettingsScope scope, CarbonOptions? code = null)
    {
        var warnings = new List<string>();
        return ((code ?? new CarbonOptions()).Resolve(warnings.Add, scope.Directory), warnings);
    }

    [Fact]
    public void An_unknown_country_is_reported_and_the_next_source_applies()
    {
        using var scope = new SettingsScope("{ \"country\": \"BEL\" }");
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", "XYZ"));
        var (options, warnings) = Resolve(scope);

        Assert.Equal("BEL", options.Country);
        var warning = Assert.Single(warnings);
        Assert.Contains("CARBONGEN_COUNTRY='XYZ'", warning);
        Assert.Contains("environment variable", warning);
        Assert.Contains("setting Country", warning);
        Assert.Contains("is not a known country", warning);
        Assert.Contains("closest valid values:", warning);
        Assert.Contains("the next source applies", warning);
    }

    [Fact]
    public void A_misspelt_country_gets_did_you_mean()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", "Frnace"));
        var (options, warnings) = Resolve(scope);
        Assert.Null(options.Country);
        Assert.Contains("'France (FRA)'", Assert.Single(warnings));
    }

    [Fact]
    public void A_country_name_instead_of_a_code_is_used_with_a_note_naming_the_code()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", "FRANCE"));
        var (options, warnings) = Resolve(scope);
        Assert.Equal("FRA", options.Country);
        var note = Assert.Single(warnings);
        Assert.Contains("CARBONGEN_COUNTRY='FRANCE'", note);
        Assert.Contains("is a country name, not a code", note);
        Assert.Contains("Write 'FRA'", note);
    }

    [Fact]
    public void A_region_not_in_the_country_is_reported_with_the_country_and_its_regions()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", "CAN"), ("CARBONGEN_REGION", "CA"));
        var (options, warnings) = Resolve(scope);
        Assert.Equal("CAN", options.Country);
        Assert.Null(options.Region);
        var warning = Assert.Single(warnings);
        Assert.Contains("CARBONGEN_REGION='CA'", warning);
        Assert.Contains("is not a region of Canada (CAN)", warning);
        Assert.Contains("'CA' is California, USA", warning);
        Assert.Contains("closest valid values:", warning);
    }

    [Fact]
    public void A_region_of_a_country_without_regions_says_the_country_average_applies()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", "FRA"), ("CARBONGEN_REGION", "IDF"));
        var (options, warnings) = Resolve(scope);
        Assert.Null(options.Region);
        Assert.Contains("the tables have no regions for FRA", Assert.Single(warnings));
    }

    [Fact]
    public void A_negative_pue_is_reported_with_the_closest_valid_value()
    {
        using var scope = new SettingsScope("{ \"pue\": 1.2 }");
        using var _ = new EnvironmentScope(("CARBONGEN_PUE", "-1"));
        var (options, warnings) = Resolve(scope);
        Assert.Equal(1.2, options.Pue);
        var warning = Assert.Single(warnings);
        Assert.Contains("CARBONGEN_PUE='-1'", warning);
        Assert.Contains("setting Pue", warning);
        Assert.Contains("is below 1", warning);
        Assert.Contains("the closest valid value is 1", warning);
    }

    [Theory]
    [InlineData("CARBONGEN_PUE", "1,2", "write '1.2' (a dot for decimals)")]
    [InlineData("CARBONGEN_INTENSITY_G_PER_KWH", "lots", "is not a number; use a number from 0 to 2000 g CO2eq/kWh")]
    [InlineData("CARBONGEN_WUE", "NaN", "is not a number")]
    [InlineData("CARBONGEN_CPU_TDP_WATTS", "65W", "is not a number")]
    [InlineData("CARBONGEN_CPU_TDP_WATTS", "-5", "(environment variable, setting CpuTdpWatts) is below 0.1 W; the closest valid value is 0.1")]
    [InlineData("CARBONGEN_CPU_TDP_WATTS", "0", "(environment variable, setting CpuTdpWatts) is below 0.1 W; the closest valid value is 0.1")]
    [InlineData("CARBONGEN_RAM_WATTS", "-1", "(environment variable, setting RamWatts) is below 0 W; the closest valid value is 0")]
    [InlineData("CARBONGEN_SAMPLING_INTERVAL_SECONDS", "0", "(environment variable, setting SamplingIntervalSeconds) is below 0.1 s; the closest valid value is 0.1")]
    [InlineData("CARBONGEN_SAMPLING_INTERVAL_SECONDS", "-2", "(environment variable, setting SamplingIntervalSeconds) is below 0.1 s; the closest valid value is 0.1")]
    [InlineData("CARBONGEN_METHOD_SAMPLING_INTERVAL_MS", "0", "(environment variable, setting MethodSamplingIntervalMilliseconds) is below 1 ms; the closest valid value is 1")]
    [InlineData("CARBONGEN_METHOD_SAMPLING_INTERVAL_MS", "-100", "(environment variable, setting MethodSamplingIntervalMilliseconds) is below 1 ms; the closest valid value is 1")]
    public void Unparsable_or_out_of_range_numbers_are_reported_and_the_default_applies(string variable, string value, string expected)
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope((variable, value));
        var (options, warnings) = Resolve(scope);
        var warning = Assert.Single(warnings);
        Assert.Contains($"{variable}='{value}'", warning);
        Assert.Contains(expected, warning);
        Assert.Contains("It is ignored; the next source applies", warning);
        var defaults = new CarbonOptions();
        Assert.Null(options.IntensityGramsPerKwh);
        Assert.Null(options.Pue);
        Assert.Equal(0, options.Wue);
        Assert.Null(options.CpuTdpWatts);
        Assert.Null(options.RamWatts);
        Assert.Equal(defaults.SamplingIntervalSeconds, options.SamplingIntervalSeconds);
        Assert.Equal(defaults.MethodSamplingIntervalMilliseconds, options.MethodSamplingIntervalMilliseconds);
    }

    [Fact]
    public void A_bad_value_in_code_falls_through_to_the_environment()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_PUE", "1.1"));
        var (options, warnings) = Resolve(scope, new CarbonOptions { Pue = 0.5 });
        Assert.Equal(1.1, options.Pue);
        Assert.Contains("CarbonOptions.Pue='0.5' (set in code", Assert.Single(warnings));
    }

    [Fact]
    public void A_bad_msbuild_value_names_the_property()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_CLOUD_PROVIDER", null), ("CARBONGEN_CLOUD_REGION", null));
        BuildSettings.Register("CarbonCloudProvider", "aws");
        BuildSettings.Register("CarbonCloudRegion", "us-east1");
        var (options, warnings) = Resolve(scope);
        Assert.Equal("aws", options.CloudProvider);
        Assert.Null(options.CloudRegion);
        var warning = Assert.Single(warnings);
        Assert.Contains("CarbonCloudRegion='us-east1' (MSBuild property baked in at compile time", warning);
        Assert.Contains("is not a known aws region", warning);
        Assert.Contains("'us-east-1'", warning);
    }

    [Fact]
    public void Malformed_carbongen_json_is_reported_with_its_position_and_ignored()
    {
        using var scope = new SettingsScope("{ \"country\": \"FRA\", \"pue\": }");
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", null), ("CARBONGEN_PUE", null));
        var (options, warnings) = Resolve(scope);
        Assert.Null(options.Country);
        var warning = Assert.Single(warnings);
        Assert.Contains(scope.JsonPath, warning);
        Assert.Contains("is not valid JSON at line 1", warning);
        Assert.Contains("Its settings are ignored", warning);
    }

    [Fact]
    public void A_json_file_that_is_not_an_object_or_has_unknown_keys_is_reported()
    {
        using (var array = new SettingsScope("[1, 2]"))
        {
            var (_, warnings) = Resolve(array);
            Assert.Contains("must hold one JSON object", Assert.Single(warnings));
        }

        using var scope = new SettingsScope("{ \"contry\": \"FRA\", \"pue\": 1.25, // comment\n }");
        using var _ = new EnvironmentScope(("CARBONGEN_PUE", null));
        var (options, unknown) = Resolve(scope);
        Assert.Equal(1.25, options.Pue);
        var warning = Assert.Single(unknown);
        Assert.Contains("unknown key \"contry\"", warning);
        Assert.Contains("'country'", warning);
    }

    [Fact]
    public void A_bad_value_in_json_names_the_file_and_key()
    {
        using var scope = new SettingsScope("{ \"summary\": \"maybe\" }");
        using var _ = new EnvironmentScope(("CARBONGEN_SUMMARY", null));
        var (options, warnings) = Resolve(scope);
        Assert.True(options.PrintSummary);
        var warning = Assert.Single(warnings);
        Assert.Contains("\"summary\"='maybe'", warning);
        Assert.Contains("carbongen.json at '" + scope.JsonPath + "'", warning);
        Assert.Contains("use true or false", warning);
    }
}
