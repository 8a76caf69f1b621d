using System.Collections.Generic;
using CarbonGen.Configuration;
using Xunit;

namespace CarbonGen.Tests.Configuration;

/// <summary>code &gt; environment &gt; carbongen.json &gt; MSBuild &gt; default, one level at a time.</summary>
[Collection(nameof(EnvironmentCollection))]
public class PrecedenceTests
{
    private static CarbonOptions Resolve(SettingsScope scope, CarbonOptions? code = null)
    {
        var warnings = new List<string>();
        var options = (code ?? new CarbonOptions()).Resolve(warnings.Add, scope.Directory);
        Assert.Empty(warnings);
        return options;
    }

    [Fact]
    public void Each_source_wins_over_the_ones_below_it()
    {
        using var scope = new SettingsScope("{ \"country\": \"DEU\", \"pue\": 1.3 }");
        BuildSettings.Register("CarbonCountry", "ESP");
        BuildSettings.Register("CarbonPue", "1.5");
        BuildSettings.Register("CarbonProjectName", "from-msbuild");

        using (new EnvironmentScope(("CARBONGEN_COUNTRY", "ITA"), ("CARBONGEN_PUE", null), ("CARBONGEN_PROJECT_NAME", null)))
        {
            var code = Resolve(scope, new CarbonOptions { Country = "FRA" });
            Assert.Equal("FRA", code.Country);
            Assert.Equal("set in code", code.Origins["Country"]);

            var env = Resolve(scope);
            Assert.Equal("ITA", env.Country);
            Assert.Equal("environment variable", env.Origins["Country"]);
            Assert.Equal(1.3, env.Pue);
            Assert.StartsWith("carbongen.json at", env.Origins["Pue"]);
            Assert.Equal("from-msbuild", env.ProjectName);
            Assert.Equal("MSBuild property baked in at compile time", env.Origins["ProjectName"]);
        }

        using (new EnvironmentScope(("CARBONGEN_COUNTRY", null), ("CARBONGEN_PUE", null), ("CARBONGEN_PROJECT_NAME", null)))
        {
            Assert.Equal("DEU", Resolve(scope).Country);
            System.IO.File.Delete(scope.JsonPath);
            var baked = Resolve(scope);
            Assert.Equal("ESP", baked.Country);
            Assert.Equal(1.5, baked.Pue);
            BuildSettings.Clear();
            var defaults = Resolve(scope);
            Assert.Null(defaults.Country);
            Assert.Null(defaults.Pue);
            Assert.False(defaults.Origins.ContainsKey("Country"));
        }
    }

    [Fact]
    public void Only_properties_set_in_code_override_the_lower_sources()
    {
        using var scope = new SettingsScope("{ \"wue\": 2.5, \"summary\": false }");
        using var _ = new EnvironmentScope(("CARBONGEN_WUE", null), ("CARBONGEN_SUMMARY", null), ("CARBONGEN_COUNTRY", null));
        var options = Resolve(scope, new CarbonOptions { Country = "NOR" });
        Assert.Equal("NOR", options.Country);
        Assert.Equal(2.5, options.Wue);
        Assert.False(options.PrintSummary);
    }

    [Fact]
    public void Every_kind_of_setting_is_read_from_the_environment()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(
            ("CARBONGEN_EXPERIMENT_ID", "exp-1"),
            ("CARBONGEN_CLOUD_PROVIDER", "Google"),
            ("CARBONGEN_CLOUD_REGION", "EUROPE-WEST1"),
            ("CARBONGEN_TRACKING_MODE", "machine"),
            ("CARBONGEN_SAMPLING_INTERVAL_SECONDS", "2.5"),
            ("CARBONGEN_CPU_TDP_WATTS", "65"),
            ("CARBONGEN_RAM_WATTS", "10"),
            ("CARBONGEN_INTENSITY_G_PER_KWH", "80"),
            ("CARBONGEN_ELECTRICITYMAPS_URL", "http://127.0.0.1:5000/"),
            ("CARBONGEN_DETECT_CLOUD", "no"),
            ("CARBONGEN_EMBODIED_KGCO2E", "1500"));
        var options = Resolve(scope);
        Assert.Equal("exp-1", options.ExperimentId);
        Assert.Equal("gcp", options.CloudProvider);
        Assert.Equal("europe-west1", options.CloudRegion);
        Assert.Equal(TrackingMode.Machine, options.TrackingMode);
        Assert.Equal(2.5, options.SamplingIntervalSeconds);
        Assert.Equal(65, options.CpuTdpWatts);
        Assert.Equal(10, options.RamWatts);
        Assert.Equal(80, options.IntensityGramsPerKwh);
        Assert.Equal("http://127.0.0.1:5000", options.ElectricityMapsUrl);
        Assert.False(options.DetectCloud);
        Assert.Equal(1500, options.EmbodiedKgCo2e);
    }

    [Fact]
    public void The_token_is_read_from_the_environment_but_never_from_carbongen_json()
    {
        using var scope = new SettingsScope("{ \"electricitymaps_token\": \"from-file\" }");
        using var _ = new EnvironmentScope(("CARBONGEN_ELECTRICITYMAPS_TOKEN", "from-env"));
        var warnings = new List<string>();
        var options = new CarbonOptions().Resolve(warnings.Add, scope.Directory);
        Assert.Equal("from-env", options.ElectricityMapsToken);
        var warning = Assert.Single(warnings);
        Assert.Contains("never from a file", warning);
        Assert.DoesNotContain("from-file", warning);
    }

    [Fact]
    public void Configure_sets_the_code_layer_of_the_process_settings()
    {
        using var scope = new SettingsScope();
        using var _ = new EnvironmentScope(("CARBONGEN_COUNTRY", "ITA"));
        try
        {
            CarbonTracker.Configure(new CarbonOptions { Country = "SWE", Region = "SE1" });
            Assert.Equal("SWE", CarbonTracker.Settings.Country);
            Assert.Equal("SE1", CarbonTracker.Settings.Region);
            CarbonTracker.Configure(null);
            Assert.Equal("ITA", CarbonTracker.Settings.Country);
        }
        finally
        {
            CarbonTracker.Configure(null);
        }
    }
}
