using System.Collections.Generic;

namespace CarbonGen.Configuration;

/// <summary>
/// The table of every setting: property, environment variable, <c>carbongen.json</c> key and MSBuild
/// property. The README's settings table documents the same list.
/// </summary>
internal static class Settings
{
    private const string PueWhy = " (PUE is total data-centre energy over IT energy, so never below 1; typical values 1.1 to 1.6)";

    internal static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(nameof(CarbonOptions.ProjectName), "CARBONGEN_PROJECT_NAME", "project_name", "CarbonProjectName", false, SettingParsers.Text),
        new(nameof(CarbonOptions.ExperimentId), "CARBONGEN_EXPERIMENT_ID", "experiment_id", "CarbonExperimentId", false, SettingParsers.Text),
        new(nameof(CarbonOptions.ExperimentName), "CARBONGEN_EXPERIMENT_NAME", "experiment_name", "CarbonExperimentName", false, SettingParsers.Text),
        new(nameof(CarbonOptions.Country), "CARBONGEN_COUNTRY", "country", "CarbonCountry", false, SettingParsers.Country),
        new(nameof(CarbonOptions.Region), "CARBONGEN_REGION", "region", "CarbonRegion", false, SettingParsers.Region),
        new(nameof(CarbonOptions.CloudProvider), "CARBONGEN_CLOUD_PROVIDER", "cloud_provider", "CarbonCloudProvider", false, SettingParsers.CloudProvider),
        new(nameof(CarbonOptions.CloudRegion), "CARBONGEN_CLOUD_REGION", "cloud_region", "CarbonCloudRegion", false, SettingParsers.CloudRegion),
        new(nameof(CarbonOptions.Pue), "CARBONGEN_PUE", "pue", "CarbonPue", false, SettingParsers.Number(1.0, 3.0, "", PueWhy)),
        new(nameof(CarbonOptions.Wue), "CARBONGEN_WUE", "wue", "CarbonWue", false, SettingParsers.Number(0, 20, "L/kWh")),
        new(nameof(CarbonOptions.OutputDirectory), "CARBONGEN_OUTPUT_DIR", "output_dir", "CarbonOutputDir", false, SettingParsers.Text),
        new(nameof(CarbonOptions.PrintSummary), "CARBONGEN_SUMMARY", "summary", "CarbonSummary", false, SettingParsers.Boolean),
        new(nameof(CarbonOptions.WriteCsv), "CARBONGEN_CSV", "csv", "CarbonCsv", false, SettingParsers.Boolean),
        new(nameof(CarbonOptions.TrackingMode), "CARBONGEN_TRACKING_MODE", "tracking_mode", "CarbonTrackingMode", false, SettingParsers.Mode),
        new(nameof(CarbonOptions.SamplingIntervalSeconds), "CARBONGEN_SAMPLING_INTERVAL_SECONDS", "sampling_interval_seconds", "CarbonSamplingIntervalSeconds", false, SettingParsers.Number(0.1, 86_400, "s")),
        new(nameof(CarbonOptions.MethodSamplingIntervalMilliseconds), "CARBONGEN_METHOD_SAMPLING_INTERVAL_MS", "method_sampling_interval_ms", "CarbonMethodSamplingIntervalMs", false, SettingParsers.Number(1, 10_000, "ms")),
        new(nameof(CarbonOptions.CpuTdpWatts), "CARBONGEN_CPU_TDP_WATTS", "cpu_tdp_watts", "CarbonCpuTdpWatts", false, SettingParsers.Number(0.1, 10_000, "W")),
        new(nameof(CarbonOptions.RamWatts), "CARBONGEN_RAM_WATTS", "ram_watts", "CarbonRamWatts", false, SettingParsers.Number(0, 10_000, "W")),
        new(nameof(CarbonOptions.IntensityGramsPerKwh), "CARBONGEN_INTENSITY_G_PER_KWH", "intensity_g_per_kwh", "CarbonIntensityGPerKwh", false, SettingParsers.Number(0, 2_000, "g CO2eq/kWh")),
        new(nameof(CarbonOptions.ElectricityMapsToken), "CARBONGEN_ELECTRICITYMAPS_TOKEN", null, null, true, SettingParsers.Text),
        new(nameof(CarbonOptions.ElectricityMapsUrl), "CARBONGEN_ELECTRICITYMAPS_URL", "electricitymaps_url", "CarbonElectricityMapsUrl", false, SettingParsers.Url),
        new(nameof(CarbonOptions.ElectricityMapsZone), "CARBONGEN_ELECTRICITYMAPS_ZONE", "electricitymaps_zone", "CarbonElectricityMapsZone", false, SettingParsers.Text),
        new(nameof(CarbonOptions.ElectricityMapsTimeoutSeconds), "CARBONGEN_ELECTRICITYMAPS_TIMEOUT_SECONDS", "electricitymaps_timeout_seconds", "CarbonElectricityMapsTimeoutSeconds", false, SettingParsers.Number(0.1, 60, "s")),
        new(nameof(CarbonOptions.DetectCloud), "CARBONGEN_DETECT_CLOUD", "detect_cloud", "CarbonDetectCloud", false, SettingParsers.Boolean),
        new(nameof(CarbonOptions.CloudMetadataUrl), "CARBONGEN_CLOUD_METADATA_URL", "cloud_metadata_url", "CarbonCloudMetadataUrl", false, SettingParsers.Url),
        new(nameof(CarbonOptions.Sci), "CARBONGEN_SCI", "sci", "CarbonSci", false, SettingParsers.Boolean),
        new(nameof(CarbonOptions.EmbodiedKgCo2e), "CARBONGEN_EMBODIED_KGCO2E", "embodied_kgco2e", "CarbonEmbodiedKgCo2e", false, SettingParsers.Number(0, 1_000_000, "kg CO2eq")),
        new(nameof(CarbonOptions.LifetimeYears), "CARBONGEN_LIFETIME_YEARS", "lifetime_years", "CarbonLifetimeYears", false, SettingParsers.Number(0.1, 50, "years")),
    ];
}
