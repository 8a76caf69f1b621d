using System.Collections.Generic;
using System.Reflection;
using CarbonGen.Measurement;

namespace CarbonGen.Reporting;

/// <summary>
/// The run file, <c>emissions.csv</c>: CodeCarbon 3.x's 38 columns in its order, so that its
/// tooling reads our files, then CarbonGen's own columns.
/// </summary>
internal static class EmissionsCsv
{
    internal const string FileName = "emissions.csv";

    internal const string CodeCarbonHeader =
        "timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power," +
        "cpu_energy,gpu_energy,ram_energy,energy_consumed,water_consumed,country_name,country_iso_code,region," +
        "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model," +
        "longitude,latitude,ram_total_size,tracking_mode,cpu_utilization_percent,gpu_utilization_percent," +
        "ram_utilization_percent,ram_used_gb,on_cloud,pue,wue";

    /// <summary>CarbonGen-only columns, after CodeCarbon's: where each figure came from.</summary>
    internal const string Header = CodeCarbonHeader + ",energy_source,intensity_source,carbon_intensity";

    internal static IEnumerable<IReadOnlyList<string>> Rows(CarbonReport report)
    {
        var cpus = MachineInfo.LogicalCpuCount;
        var totalRam = MachineInfo.TotalMemoryGigabytes;
        var cpuUtilization = report.DurationSeconds > 0 ? 100.0 * report.CpuSeconds / (report.DurationSeconds * cpus) : 0;
        var ramUtilization = totalRam > 0 ? 100.0 * report.RamUsedGigabytes / totalRam : 0;

        yield return
        [
            CsvFile.Timestamp(report.Timestamp),
            report.ProjectName,
            report.RunId.ToString(),
            report.ExperimentId,
            CsvFile.Number(report.DurationSeconds),
            CsvFile.Number(report.EmissionsKg),
            CsvFile.Number(report.DurationSeconds > 0 ? report.EmissionsKg / report.DurationSeconds : 0),
            CsvFile.Number(report.CpuPowerWatts),
            CsvFile.Number(report.GpuPowerWatts),
            CsvFile.Number(report.RamPowerWatts),
            CsvFile.Number(report.CpuEnergyKwh),
            CsvFile.Number(report.GpuEnergyKwh),
            CsvFile.Number(report.RamEnergyKwh),
            CsvFile.Number(report.EnergyKwh),
            CsvFile.Number(report.WaterConsumedLiters),
            report.CountryName,
            report.CountryIsoCode,
            report.Region,
            report.CloudProvider,
            report.CloudRegion,
            MachineInfo.OperatingSystem,
            MachineInfo.RuntimeVersion, // python_version carries the .NET runtime version
            CarbonGenVersion, // codecarbon_version carries the CarbonGen version
            CsvFile.Number(cpus),
            MachineInfo.CpuModel,
            CsvFile.Number(0L), // gpu_count
            string.Empty, // gpu_model
            string.Empty, // longitude
            string.Empty, // latitude
            CsvFile.Number(totalRam),
            report.TrackingMode == TrackingMode.Machine ? "machine" : "process",
            CsvFile.Number(cpuUtilization),
            CsvFile.Number(0L), // gpu_utilization_percent
            CsvFile.Number(ramUtilization),
            CsvFile.Number(report.RamUsedGigabytes),
            report.OnCloud ? "Y" : "N",
            CsvFile.Number(report.Pue),
            CsvFile.Number(report.Wue),
            report.EnergySource,
            report.IntensitySource,
            CsvFile.Number(report.IntensityGramsPerKwh),
        ];
    }

    internal static string CarbonGenVersion { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(EmissionsCsv).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return "0.0.0";
        }

        var plus = informational!.IndexOf('+');
        return plus < 0 ? informational : informational[..plus];
    }
}
