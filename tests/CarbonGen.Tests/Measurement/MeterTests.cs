using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

public class MeterTests
{
    private static readonly CpuInfo s_cpu = new("Intel(R) Xeon(R) Processor", 1, 2, true, false);

    private static List<IEnergySource> LinuxSources(MeasurementSettings settings, List<string> warnings)
    {
        var once = new OnceFlag();
        return
        [
            new RaplEnergySource(EnergyComponent.Cpu, settings, warnings.Add, once),
            new HwmonEnergySource(settings, warnings.Add),
            new TdpModelSource(settings, s_cpu),
            new RaplEnergySource(EnergyComponent.Ram, settings, warnings.Add, once),
            new RamModelSource(settings, s_cpu),
        ];
    }

    [Fact]
    public void Each_component_uses_its_first_working_source_and_every_status_says_why()
    {
        using var tree = new FakeTree();
        tree.AddZone("intel-rapl:0", "package-0", 0);
        FakeTree.MakeUnreadable(tree.AddZone("intel-rapl:0:0", "dram", 0));
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, RamWatts = 10 };
        var warnings = new List<string>();
        using var meter = new EnergyMeter(LinuxSources(settings, warnings), warnings.Add);
        meter.Start(0);
        meter.Sample(4);
        var snapshot = meter.Snapshot();

        Assert.Equal("cpu=rapl ram=ram-model", snapshot.EnergySource);
        Assert.True(snapshot.Cpu.IsMeasured);
        Assert.False(snapshot.Ram.IsMeasured);
        Assert.False(snapshot.Gpu.IsPresent);
        Assert.False(snapshot.IsMeasured);
        Assert.Equal(40, snapshot.Ram.Joules, 9);
        var statuses = snapshot.Sources.Select(s => s.ToString()).ToArray();
        Assert.Contains(statuses, s => s.StartsWith("cpu rapl: used: package-0", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.StartsWith("cpu hwmon: standby: not needed while rapl works", StringComparison.Ordinal));
        Assert.Contains(statuses, s => s.StartsWith("ram rapl: not used:", StringComparison.Ordinal) && s.Contains("root-only"));
        Assert.Contains(statuses, s => s.StartsWith("ram ram-model: used: 10 W", StringComparison.Ordinal));
        Assert.Contains("chmod", Assert.Single(warnings));
    }

    [Fact]
    public void A_source_that_fails_mid_run_hands_over_without_losing_or_double_counting_energy()
    {
        using var tree = new FakeTree();
        var counter = tree.AddZone("intel-rapl:0", "package-0", 0);
        tree.Write("proc/stat", "cpu  0 0 0 0 0 0 0 0 0 0\n");
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, CpuTdpWatts = 100, RamWatts = 10 };
        var warnings = new List<string>();
        using var meter = new EnergyMeter(LinuxSources(settings, warnings), warnings.Add, tree.Proc);
        meter.Start(0);

        FakeTree.WriteCounter(counter, 30_000_000);
        meter.Sample(1); // rapl: 30 J
        FakeTree.WriteInPlace(counter, "garbage\n");
        tree.Write("proc/stat", "cpu  100 0 0 100 0 0 0 0 0 0\n"); // 50 % load from here on: 55 W
        meter.Sample(3); // rapl fails; the model covers 1 s .. 3 s
        var snapshot = meter.Snapshot();

        Assert.Equal(30 + (55 * 2), snapshot.Cpu.Joules, 9);
        Assert.Equal("rapl+tdp-model", snapshot.Cpu.Source);
        Assert.False(snapshot.Cpu.IsMeasured);
        var warning = Assert.Single(warnings);
        Assert.Contains("cpu energy source 'rapl' stopped", warning);
        Assert.Contains("garbage", warning);
        Assert.Contains("The 30 J measured so far are kept; continuing with 'tdp-model'", warning);
        Assert.Contains(snapshot.Sources, s => s.Name == "rapl" && s.Component == EnergyComponent.Cpu && s.Status.State == SourceState.Failed);
        Assert.Contains(snapshot.Sources, s => s.Name == "hwmon" && s.Status.State == SourceState.NotUsed);
    }

    [Fact]
    public void Process_share_is_this_process_cpu_over_the_machine_busy_time_in_the_same_interval()
    {
        using var tree = new FakeTree();
        tree.Write("proc/stat", "cpu  1000 0 0 5000 0 0 0 0 0 0\n");
        tree.Write("proc/self/stat", "9 (app) R 1 1 1 0 -1 0 0 0 0 0 100 20 0 0\n");
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, CpuTdpWatts = 50, RamWatts = 5 };
        using var meter = new EnergyMeter(LinuxSources(settings, []), _ => { }, tree.Proc);
        meter.Start(0);
        tree.Write("proc/stat", "cpu  1400 0 0 5100 0 0 0 0 0 0\n");
        tree.Write("proc/self/stat", "9 (app) R 1 1 1 0 -1 0 0 0 0 0 180 40 0 0\n");
        meter.Sample(1);
        var snapshot = meter.Snapshot();

        Assert.Equal(400UL, snapshot.MachineBusyTicks);
        Assert.Equal(100UL, snapshot.ProcessCpuTicks);
        Assert.Equal(0.25, snapshot.ProcessCpuShare);
    }

    [Fact]
    public void A_platform_adapter_is_tried_before_the_linux_sources()
    {
        using var tree = new FakeTree();
        var adapter = new ConstantSource("windows-emi", EnergyComponent.Cpu, 42);
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, NvmlLibrary = "/nonexistent/libnvidia-ml.so.1", RamWatts = 5 };
        using var meter = EnergyMeter.Create(settings, _ => { }, [adapter]);
        meter.Start(0);
        meter.Sample(2);
        var snapshot = meter.Snapshot();

        Assert.Equal("windows-emi", snapshot.Cpu.Source);
        Assert.Equal(84, snapshot.Cpu.Joules, 9);
        Assert.Equal("cpu=windows-emi ram=ram-model", snapshot.EnergySource);
        Assert.Contains(snapshot.Sources, s => s.Name == "nvml" && s.Status.State == SourceState.NotUsed);
    }

    [Fact]
    public void Cumulative_figures_never_go_down_even_if_a_source_reports_less()
    {
        var source = new ScriptedSource(EnergyComponent.Cpu, 10, 5, 12);
        using var meter = new EnergyMeter([source]);
        meter.Start(0);
        meter.Sample(1);
        meter.Sample(2);
        Assert.Equal(10, meter.Snapshot().Cpu.Joules);
        meter.Sample(3);
        Assert.Equal(12, meter.Snapshot().Cpu.Joules);
    }

    private sealed class ScriptedSource(EnergyComponent component, params double[] readings) : IEnergySource
    {
        private int _next;

        public string Name => "scripted";

        public EnergyComponent Component { get; } = component;

        public bool IsMeasured => true;

        public EnergySourceStatus Status { get; } = EnergySourceStatus.Used("scripted");

        public bool TryStart(double now) => true;

        public bool TryRead(double now, out double joules)
        {
            joules = readings[Math.Min(_next++, readings.Length - 1)];
            return true;
        }

        public void Dispose()
        {
        }
    }
}

public class SamplerTests
{
    /// <summary>
    /// The real background loop against a counter that a writer advances at 100 W and wraps every 10 s of
    /// simulated time. The writer runs on the sampling thread after each sample (AfterSample), so every
    /// write lands between two reads whatever the machine's speed; the clock is the test's.
    /// Tolerance: 1 mJ over 1,040 s (the counter is whole µJ; a wrap can lose one).
    /// </summary>
    [Fact]
    public void The_background_loop_measures_a_known_wattage_across_wraps_and_stops_cleanly()
    {
        using var tree = new FakeTree();
        const ulong max = 1_000_000_000; // 1,000 J
        var counter = tree.AddZone("intel-rapl:0", "package-0", 123, max);
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, CpuTdpWatts = 10, RamWatts = 4 };
        var warnings = new List<string>();
        var once = new OnceFlag();
        var meter = new EnergyMeter(
            [new RaplEnergySource(EnergyComponent.Cpu, settings, warnings.Add, once), new RamModelSource(settings, new CpuInfo("x", 1, 1, false, false))],
            warnings.Add);

        var time = 0.0;
        using var done = new ManualResetEventSlim();
        using var sampler = new EnergySampler(meter, TimeSpan.FromMilliseconds(1), () => Volatile.Read(ref time));
        var writes = 0;
        sampler.AfterSample = () =>
        {
            if (writes == 800)
            {
                done.Set();
                return;
            }

            writes++;
            var t = writes * 1.3;
            FakeTree.WriteCounter(counter, (123 + (ulong)Math.Round(100 * t * 1e6)) % (max + 1));
            Volatile.Write(ref time, t);
        };

        Assert.Null(sampler.Thread);
        sampler.EnsureStarted();
        sampler.EnsureStarted();
        Assert.True(sampler.Thread!.IsBackground);
        Assert.True(done.Wait(TimeSpan.FromMinutes(2)), "the sampler stopped sampling");
        sampler.Stop();

        Assert.False(sampler.Thread.IsAlive);
        var snapshot = sampler.Snapshot();
        Assert.Equal(800 * 1.3, snapshot.ElapsedSeconds, 9);
        Assert.Equal(100 * 800 * 1.3, snapshot.Cpu.Joules, 1e-3);
        Assert.Equal(4 * 800 * 1.3, snapshot.Ram.Joules, 9);
        Assert.Equal("cpu=rapl ram=ram-model", snapshot.EnergySource);
        Assert.Empty(warnings);

        sampler.Stop(); // idempotent
        Assert.Equal(100 * 800 * 1.3, sampler.Snapshot().Cpu.Joules, 1e-3);
    }

    /// <summary>
    /// A long-running service: 100,000 samples (17 days at the default 15 s) on a clock the test drives,
    /// through the sampler's own sample path. The history stays bounded and still ends at the total.
    /// </summary>
    [Fact]
    public void A_long_run_keeps_a_bounded_history_that_ends_at_the_total()
    {
        var time = 0.0;
        using var sampler = new EnergySampler(new EnergyMeter([new ConstantSource("steady", EnergyComponent.Cpu, 3)]), TimeSpan.FromHours(1), () => time);
        sampler.EnsureStarted();
        for (var i = 1; i <= 100_000; i++)
        {
            time = i * 15.0;
            sampler.SampleNow();
        }

        var history = sampler.History;
        Assert.InRange(history.Count, 2, EnergyHistory.DefaultCapacity);
        Assert.Equal(3 * 15.0, history[0].Energy, 9);
        Assert.Equal(3 * 15.0 * 100_000, history[^1].Energy, 6);

        time += 15;
        var total = sampler.Snapshot().TotalJoules;
        Assert.Equal(3 * 15.0 * 100_001, total, 6);
        Assert.Equal(total, sampler.History[^1].Energy);
    }

    [Fact]
    public void A_sampler_that_is_never_started_opens_nothing_and_can_be_disposed()
    {
        var source = new CountingSource();
        var sampler = new EnergySampler(new EnergyMeter([source]), TimeSpan.FromSeconds(1));
        sampler.Dispose();
        Assert.Null(sampler.Thread);
        Assert.Equal(0, source.Starts);
    }

    [Fact]
    public void An_interval_below_a_millisecond_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnergySampler(new EnergyMeter([]), TimeSpan.Zero));

    private sealed class CountingSource : IEnergySource
    {
        public int Starts { get; private set; }

        public string Name => "counting";

        public EnergyComponent Component => EnergyComponent.Cpu;

        public bool IsMeasured => true;

        public EnergySourceStatus Status => EnergySourceStatus.NotStarted;

        public bool TryStart(double now)
        {
            Starts++;
            return true;
        }

        public bool TryRead(double now, out double joules)
        {
            joules = 0;
            return true;
        }

        public void Dispose()
        {
        }
    }
}
