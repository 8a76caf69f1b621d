using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonGen.Measurement;
using CarbonGen.Reporting;
using CarbonGen.Runtime.Attribution;
using CarbonGen.Tests.Measurement;
using Xunit;

namespace CarbonGen.Tests;

public class EnergySourcesReportTests
{
    private static CarbonReport Report(ProcessEnergy? energy, IReadOnlyList<EnergySourceReport>? sources = null)
    {
        var report = ReportBuilder.Build([], new ProcessSample(2, 1, 0.5), "sources", Guid.NewGuid(), DateTime.Now, EmissionFactors.WorldAverage, energy);
        return sources is null ? report : report with { EnergySources = sources };
    }

    private static string Summary(CarbonReport report)
    {
        var output = new StringWriter();
        SummaryPrinter.Print(report, output);
        return output.ToString();
    }

    [Fact]
    public void The_report_carries_every_source_status_in_the_order_the_meter_tries_them()
    {
        using var tree = new FakeTree();
        FakeTree.MakeUnreadable(tree.AddZone("intel-rapl:0", "package-0", 0));
        tree.Write("proc/stat", "cpu  0 0 0 0 0 0 0 0 0 0\n");
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, CpuTdpWatts = 50, RamWatts = 5, NvmlLibrary = "/nonexistent/libnvidia-ml.so.1" };
        var warnings = new List<string>();
        using var meter = EnergyMeter.Create(settings, warnings.Add);
        meter.Start(0);
        meter.Sample(1);

        var report = Report(ProcessEnergyAttribution.From(meter.Snapshot(), TrackingMode.Process, new ProcessSample(1, 0.5, 0.5), 16));

        Assert.Equal(
            ["cpu rapl False", "cpu hwmon False", "cpu tdp-model True", "gpu nvml False", "ram rapl False", "ram ram-model True"],
            report.EnergySources.Select(s => $"{s.Component} {s.Source} {s.Used}"));
        Assert.All(report.EnergySources, s => Assert.Equal(s.Used, s.Reason is null));
        Assert.Contains("intel-rapl:0", report.EnergySources[0].Reason);
        Assert.Contains("libnvidia-ml.so.1", report.EnergySources[3].Reason);
        Assert.Contains("no dram domain", report.EnergySources[4].Reason);

        var line = Assert.Single(Summary(report).Split('\n'), l => l.StartsWith("Energy sources", StringComparison.Ordinal));
        Assert.StartsWith("Energy sources not used: cpu rapl (", line);
        Assert.All(
            [", cpu hwmon (no CPU energy*_input counter under ", ", gpu nvml (/nonexistent/libnvidia-ml.so.1 could not be loaded", ", ram rapl (no dram domain under "],
            part => Assert.Contains(part, line));

        // Sources in use are not listed; a long reason loses its explanation.
        Assert.All(["tdp-model", "ram-model", "server CPUs only"], part => Assert.DoesNotContain(part, line));
    }

    [Fact]
    public void The_summary_line_lists_unused_and_stopped_sources_with_short_reasons()
    {
        var longReason = "no RAPL zone under /sys/class/powercap (no powercap RAPL driver: a virtual machine, a container without the host's /sys, or not Linux)";
        var endless = new string('w', 200);
        var report = Report(null, [
            new EnergySourceReport("cpu", "rapl", true, "stopped mid-run: /sys/class/powercap/intel-rapl:0/energy_uj vanished"),
            new EnergySourceReport("cpu", "hwmon", false, longReason),
            new EnergySourceReport("cpu", "tdp-model", true, null),
            new EnergySourceReport("gpu", "nvml", false, "libnvidia-ml.so.1 could not be loaded (no NVIDIA driver)"),
            new EnergySourceReport("ram", "ram-model", false, endless),
        ]);

        var line = Assert.Single(Summary(report).Split('\n'), l => l.StartsWith("Energy sources", StringComparison.Ordinal));

        Assert.Equal(
            "Energy sources not used: cpu hwmon (no RAPL zone under /sys/class/powercap), gpu nvml (libnvidia-ml.so.1 could not be loaded (no NVIDIA driver)), " +
            $"ram ram-model ({endless[..(EnergySourcesLine.MaxReasonLength - 1)]}…); partly used: cpu rapl (stopped mid-run: /sys/class/powercap/intel-rapl:0/energy_uj vanished).",
            line);
    }

    [Fact]
    public void No_line_when_every_source_listed_is_in_use()
    {
        var summary = Summary(Report(null, [new EnergySourceReport("cpu", "rapl", true, null)]));
        Assert.DoesNotContain("Energy sources", summary);
        Assert.Empty(Report(null).EnergySources);
    }
}
