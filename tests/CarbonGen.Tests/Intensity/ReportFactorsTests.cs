using System;
using System.Linq;
using CarbonGen.Intensity;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests.Intensity;

/// <summary>The resolved intensity, PUE, WUE and location reach the report and emissions.csv.</summary>
public class ReportFactorsTests
{
    [Fact]
    public void Intensity_pue_and_wue_multiply_as_codecarbon_does_and_fill_the_location_columns()
    {
        var region = Locations.FindCloudRegion("gcp", "europe-west1")!;
        var factors = new EmissionFactors(
            new IntensityReading(region.GramsPerKwh, "cloud-region", "gcp europe-west1, 2024"),
            region.Pue,
            1.5,
            new GridLocation(Locations.FindCountry("BEL"), null, region),
            "exp-7",
            null);
        var report = ReportBuilder.Build(
            [new MethodSample("A", 2, 0, 10, 10)],
            new ProcessSample(DurationSeconds: 100, CpuSeconds: 90, WorkingSetGigabytes: 2),
            "factors",
            Guid.Empty,
            new DateTime(2026, 1, 2, 3, 4, 5),
            factors);

        var itKwh = (360 + 75) / 3_600_000.0;
        Assert.Equal(itKwh * region.Pue, report.EnergyKwh, 15);
        Assert.Equal(itKwh * region.Pue * region.GramsPerKwh / 1000, report.EmissionsKg, 15);
        Assert.Equal(report.EnergyKwh * 1.5, report.WaterConsumedLiters, 15);
        Assert.Equal(report.EmissionsKg, report.Methods.Sum(m => m.EmissionsKg) + report.Untracked.EmissionsKg, 15);

        var header = EmissionsCsv.Header.Split(',');
        var row = EmissionsCsv.Rows(report).Single();
        string Column(string name) => row[Array.IndexOf(header, name)];
        Assert.Equal("exp-7", Column("experiment_id"));
        Assert.Equal("Belgium", Column("country_name"));
        Assert.Equal("BEL", Column("country_iso_code"));
        Assert.Equal("", Column("region"));
        Assert.Equal("gcp", Column("cloud_provider"));
        Assert.Equal("europe-west1", Column("cloud_region"));
        Assert.Equal("Y", Column("on_cloud"));
        Assert.Equal(CsvFile.Number(region.Pue), Column("pue"));
        Assert.Equal("1.5", Column("wue"));
        Assert.Equal(CsvFile.Number(report.WaterConsumedLiters), Column("water_consumed"));
        Assert.Equal("cloud-region", Column("intensity_source"));
        Assert.Equal(CsvFile.Number(region.GramsPerKwh), Column("carbon_intensity"));
    }

    [Fact]
    public void The_methods_file_header_is_unchanged()
    {
        Assert.Equal(
            "timestamp,project_name,run_id,method,calls,failed_calls,duration,self_duration,cpu_energy,gpu_energy,ram_energy,energy_consumed,emissions,emissions_per_call",
            MethodsCsv.Header);
    }
}
