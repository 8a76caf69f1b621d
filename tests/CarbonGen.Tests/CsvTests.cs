using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests;

public sealed class CsvTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carbongen-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(475.0, "475.0")]
    [InlineData(2.5, "2.5")]
    [InlineData(1.5e-07, "1.5e-07")]
    [InlineData(123456.75, "123456.75")]
    [InlineData(-0.125, "-0.125")]
    public void Numbers_are_spelled_as_python_floats(double value, string expected) =>
        Assert.Equal(expected, CsvFile.Number(value));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("A.B(int, string)", "\"A.B(int, string)\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Fields_are_quoted_when_needed(string field, string expected) =>
        Assert.Equal(expected, CsvFile.Escape(field));

    [Fact]
    public void A_new_file_gets_the_header_and_later_runs_append()
    {
        var path = Path.Combine(_folder, "x.csv");
        CsvFile.Append(path, "a,b", [["1", "2"]], Fail);
        CsvFile.Append(path, "a,b", [["3", "x,y"]], Fail);

        Assert.Equal("a,b\n1,2\n3,\"x,y\"\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_with_another_header_is_kept_as_bak_with_a_warning()
    {
        var path = Path.Combine(_folder, "x.csv");
        File.WriteAllText(path, "old,header\n1,2\n");
        var warnings = new List<string>();

        CsvFile.Append(path, "a,b", [["3", "4"]], warnings.Add);

        Assert.Equal("a,b\n3,4\n", File.ReadAllText(path));
        Assert.Equal("old,header\n1,2\n", File.ReadAllText(path + ".bak"));
        var warning = Assert.Single(warnings);
        Assert.Contains(path + ".bak", warning);
    }

    [Fact]
    public void The_methods_file_has_the_documented_header()
    {
        Assert.Equal(
            "timestamp,project_name,run_id,method,calls,failed_calls,duration,self_duration,cpu_energy,gpu_energy,ram_energy,energy_consumed,emissions,emissions_per_call",
            MethodsCsv.Header);
    }

    [Fact]
    public void The_run_file_starts_with_codecarbons_38_columns_in_order()
    {
        var columns = EmissionsCsv.Header.Split(',');
        Assert.Equal(ReferenceData.CodeCarbonEmissionsHeader(), columns.Take(38));
        Assert.Equal(["energy_source", "intensity_source", "carbon_intensity"], columns.Skip(38));
    }

    [Fact]
    public void Rows_have_one_field_per_column()
    {
        var report = ReportBuilder.Build(
            [new MethodSample("N.T.M(int, string)", 3, 1, 1, 1)],
            new ProcessSample(2, 1, 1),
            "proj",
            Guid.NewGuid(),
            DateTime.Now);

        var run = Assert.Single(EmissionsCsv.Rows(report));
        Assert.Equal(EmissionsCsv.Header.Split(',').Length, run.Count);
        Assert.All(MethodsCsv.Rows(report), row => Assert.Equal(MethodsCsv.Header.Split(',').Length, row.Count));
        Assert.Equal(["N.T.M(int, string)", "(untracked)"], MethodsCsv.Rows(report).Select(r => r[3]));
    }

    [Theory]
    [InlineData(TrackingMode.Process, "process")]
    [InlineData(TrackingMode.Machine, "machine")]
    public void The_run_file_names_the_tracking_mode(TrackingMode mode, string expected)
    {
        var report = ReportBuilder.Build([], new ProcessSample(1, 1, 1), "proj", Guid.NewGuid(), DateTime.Now) with { TrackingMode = mode };
        var row = Assert.Single(EmissionsCsv.Rows(report));
        Assert.Equal(expected, row[Array.IndexOf(EmissionsCsv.Header.Split(','), "tracking_mode")]);
    }

    private static void Fail(string warning) => Assert.Fail("unexpected warning: " + warning);
}
