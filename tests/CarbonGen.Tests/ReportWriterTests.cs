using System;
using System.IO;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("carbongen-writer-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CarbonReport Report() => ReportBuilder.Build(
        [new MethodSample("Ns.Type.Work(int)", 7, 2, 1.5, 1.25)],
        new ProcessSample(3, 2, 0.5),
        "writer-test",
        Guid.NewGuid(),
        new DateTime(2026, 11, 30, 12, 0, 0));

    [Fact]
    public void Writes_the_summary_and_both_files()
    {
        var console = new StringWriter();
        ReportWriter.WriteAll(Report(), new CarbonOptions { OutputDirectory = _folder, ProjectName = "writer-test" }, console);

        var summary = console.ToString();
        Assert.Contains("CarbonGen summary: writer-test", summary);
        Assert.Contains("Ns.Type.Work(int)", summary);
        Assert.Contains("estimated", summary);
        Assert.Contains("world-average", summary);

        var methods = File.ReadAllLines(Path.Combine(_folder, "emissions_methods.csv"));
        Assert.Equal(3, methods.Length);
        Assert.StartsWith("2026-11-30T12:00:00,writer-test,", methods[1]);
        Assert.Contains(",Ns.Type.Work(int),7,2,1.5,1.25,", methods[1]);
        Assert.Contains(",(untracked),0,0,", methods[2]);

        var run = File.ReadAllLines(Path.Combine(_folder, "emissions.csv"));
        Assert.Equal(2, run.Length);
    }

    [Fact]
    public void An_unwritable_output_folder_costs_one_warning_per_file_and_never_throws()
    {
        var blocker = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(blocker, "a file where the output folder should be");
        var console = new StringWriter();

        ReportWriter.WriteAll(Report(), new CarbonOptions { OutputDirectory = blocker, PrintSummary = false }, console);

        var lines = console.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.Contains("CARBONGEN_OUTPUT_DIR", l));
        Assert.Contains(lines, l => l.Contains("emissions.csv'"));
        Assert.Contains(lines, l => l.Contains("emissions_methods.csv'"));
    }

    [Fact]
    public void Nothing_is_written_when_both_outputs_are_off()
    {
        var console = new StringWriter();
        ReportWriter.WriteAll(Report(), new CarbonOptions { OutputDirectory = _folder, PrintSummary = false, WriteCsv = false }, console);
        Assert.Empty(console.ToString());
        Assert.Empty(Directory.GetFiles(_folder));
    }
}
