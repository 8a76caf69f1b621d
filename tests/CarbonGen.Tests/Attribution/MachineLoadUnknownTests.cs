using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using CarbonGen.Measurement;
using CarbonGen.Reporting;
using CarbonGen.Runtime.Attribution;
using CarbonGen.Tests.Measurement;
using Xunit;

namespace CarbonGen.Tests.Attribution;

/// <summary>
/// A procfs without <c>stat</c> (and without <c>self/stat</c>), as on Windows or macOS: the machine's busy
/// CPU time is unknown, so process mode must not charge the process the machine's CPU figure.
/// </summary>
public class MachineLoadUnknownTests
{
    private const double TdpWatts = 80;
    private const int LogicalCpus = 8;
    private const double WattsPerLogicalCpu = TdpWatts / LogicalCpus;

    private static MeasurementSettings Settings(FakeTree tree)
    {
        var cpuinfo = new StringBuilder();
        for (var i = 0; i < LogicalCpus; i++)
        {
            cpuinfo.Append($"processor\t: {i}\nmodel name\t: Acme Unlisted CPU\nphysical id\t: 0\n\n");
        }

        tree.Write("proc/cpuinfo", cpuinfo.ToString());
        Directory.CreateDirectory(tree.Sys);
        return new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, CpuTdpWatts = TdpWatts, RamWatts = 5, NvmlLibrary = "/nonexistent/libnvidia-ml.so.1" };
    }

    private static TimeSpan Spin(TimeSpan cpu)
    {
        var wall = Stopwatch.StartNew();
        var start = ProcessCpuClock.Now();
        double sink = 0;
        while (ProcessCpuClock.Now() - start < cpu && wall.Elapsed < TimeSpan.FromSeconds(30))
        {
            for (var i = 0; i < 10_000; i++)
            {
                sink += Math.Sqrt(i);
            }
        }

        return sink < 0 ? TimeSpan.Zero : wall.Elapsed;
    }

    /// <summary>
    /// Tolerance: the meter reads the process's CPU time just after Start and just before its sample; the test
    /// reads it around both (outer) and inside both (inner), so the charge must lie between inner and outer
    /// CPU seconds × TDP per logical CPU. The whole machine's model figure would be 80 W × 55 % of the wall time.
    /// </summary>
    [Fact]
    public void Process_mode_charges_the_process_its_own_cpu_time_at_the_tdp_per_logical_cpu_and_says_the_load_is_unknown()
    {
        using var tree = new FakeTree();
        using var meter = EnergyMeter.Create(Settings(tree), _ => { });

        var outerStart = ProcessCpuClock.Now();
        meter.Start(0);
        var innerStart = ProcessCpuClock.Now();
        var wall = Spin(TimeSpan.FromMilliseconds(300));
        var innerEnd = ProcessCpuClock.Now();
        meter.Sample(wall.TotalSeconds);
        var outerEnd = ProcessCpuClock.Now();
        var snapshot = meter.Snapshot();

        Assert.Null(snapshot.MachineBusyTicks);
        Assert.Null(snapshot.ProcessCpuShare);
        Assert.Equal("cpu=tdp-model ram=ram-model", snapshot.EnergySource);
        var energy = ProcessEnergyAttribution.From(snapshot, TrackingMode.Process, new ProcessSample(wall.TotalSeconds, 0, 1), 16);

        Assert.InRange(
            energy.CpuJoules,
            (innerEnd - innerStart).TotalSeconds * WattsPerLogicalCpu,
            (outerEnd - outerStart).TotalSeconds * WattsPerLogicalCpu);
        Assert.True(energy.CpuJoules < snapshot.Cpu.Joules, $"{energy.CpuJoules} J charged, the machine's model figure is {snapshot.Cpu.Joules} J");
        Assert.Equal("cpu=cpu-time-model ram=ram-model", energy.Source);
        Assert.False(energy.IsMeasured);
        Assert.Contains("x 10 W", energy.Detail);
        Assert.Contains("stat", energy.Detail);

        // The detail and the summary that prints it say what was assumed and claim no share of the machine.
        foreach (var text in new[] { energy.Detail, Summary(energy, wall.TotalSeconds) })
        {
            Assert.All(["process CPU time x TDP per logical CPU", "machine load unknown"], part => Assert.Contains(part, text));
            Assert.All(["100%", "busy CPU time"], part => Assert.DoesNotContain(part, text));
        }
    }

    [Fact]
    public void Machine_mode_keeps_the_tdp_model_and_says_the_load_is_assumed()
    {
        using var tree = new FakeTree();
        using var meter = EnergyMeter.Create(Settings(tree), _ => { });
        meter.Start(0);
        meter.Sample(2);

        var energy = ProcessEnergyAttribution.From(meter.Snapshot(), TrackingMode.Machine, new ProcessSample(2, 1, 1), 16);

        Assert.Equal(TdpWatts * 0.55 * 2, energy.CpuJoules, 9);
        Assert.Equal("cpu=tdp-model ram=ram-model", energy.Source);
        Assert.Matches("CPU load is unknown \\(.*stat.*\\), so the TDP model assumes 50%", energy.Detail);
    }

    [Fact]
    public void Without_the_machine_busy_time_the_cpu_figure_is_cpu_seconds_times_tdp_per_logical_cpu_whatever_the_machine_used()
    {
        var snapshot = new EnergySnapshot(
            ElapsedSeconds: 10,
            Cpu: new ComponentEnergy(EnergyComponent.Cpu, 440, "tdp-model", false, true),
            Gpu: new ComponentEnergy(EnergyComponent.Gpu, 0, "none", true, false),
            Ram: new ComponentEnergy(EnergyComponent.Ram, 50, "ram-model", false, true),
            Sources: [],
            Gpus: [],
            MachineBusyTicks: null,
            ProcessCpuSeconds: 2.5)
        {
            MachineLoadError = "no /proc/stat",
            CpuModel = CpuPowerModel.Resolve(new CpuInfo("Acme Unlisted CPU", 1, LogicalCpus, false, false), TdpWatts),
        };

        var energy = ProcessEnergyAttribution.From(snapshot, TrackingMode.Process, new ProcessSample(10, 99, 2), totalMemoryGigabytes: 8);

        Assert.Equal(2.5 * WattsPerLogicalCpu, energy.CpuJoules, 9);
        Assert.Equal(12.5, energy.RamJoules, 9);
        Assert.Contains("machine load unknown (no /proc/stat)", energy.Detail);
        Assert.Contains("25% of its memory", energy.Detail);
    }

    private static string Summary(ProcessEnergy energy, double seconds)
    {
        var report = ReportBuilder.Build([], new ProcessSample(seconds, 0, 1), "load-unknown", Guid.NewGuid(), DateTime.Now, EmissionFactors.WorldAverage, energy);
        var output = new StringWriter();
        SummaryPrinter.Print(report, output);
        return output.ToString();
    }
}
