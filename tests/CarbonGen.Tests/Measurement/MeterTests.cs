using System;
using System.IO;
using System.Collections.Concurrent;
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

    /// <summary>
    /// A plug-in adapter measures 15 W, then faults mid-run: it throws, or reports a figure that is not a
    /// number. Either way the meter keeps its 15 J and the TDP model covers the rest from its last good
    /// reading, as for a counter that went bad.
    /// </summary>
    [Theory]
    [InlineData("throws", "it threw InvalidOperationException: the sensor driver went away")]
    [InlineData("NaN", "it reported NaN J")]
    [InlineData("infinity", "it reported Infinity J")]
    public void A_plug_in_source_that_throws_or_reports_garbage_mid_run_hands_over_without_losing_or_double_counting_energy(string fault, string why)
    {
        using var tree = new FakeTree();
        tree.Write("proc/stat", "cpu  0 0 0 0 0 0 0 0 0 0\n");
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, CpuTdpWatts = 100, RamWatts = 10 };
        var warnings = new List<string>();
        var plugIn = new ConstantSource("plug-in", EnergyComponent.Cpu, 15);
        using var meter = new EnergyMeter([plugIn, .. LinuxSources(settings, warnings)], warnings.Add, tree.Proc);
        meter.Start(0);

        meter.Sample(1); // plug-in: 15 J
        switch (fault)
        {
            case "throws":
                plugIn.ThrowOnRead = new InvalidOperationException("the sensor driver went away");
                break;
            case "NaN":
                plugIn.BadReading = double.NaN;
                break;
            default:
                plugIn.BadReading = double.PositiveInfinity;
                break;
        }

        tree.Write("proc/stat", "cpu  100 0 0 100 0 0 0 0 0 0\n"); // 50 % load from here on: 55 W
        meter.Sample(3); // the plug-in fails; the model covers 1 s .. 3 s
        meter.Sample(3); // the plug-in is no longer asked
        var snapshot = meter.Snapshot();

        Assert.Equal(15 + (55 * 2), snapshot.Cpu.Joules, 9);
        Assert.Equal("plug-in+tdp-model", snapshot.Cpu.Source);
        var warning = Assert.Single(warnings);
        Assert.Contains("cpu energy source 'plug-in' stopped: " + why, warning);
        Assert.Contains("The 15 J measured so far are kept; continuing with 'tdp-model'", warning);
        var status = Assert.Single(snapshot.Sources, s => s.Name == "plug-in").Status;
        Assert.Equal(SourceState.Failed, status.State);
        Assert.Equal(why, status.Detail);
    }

    [Fact]
    public void A_plug_in_source_that_throws_while_starting_is_skipped_with_a_warning_naming_it_and_the_next_source()
    {
        using var tree = new FakeTree();
        tree.AddZone("intel-rapl:0", "package-0", 0);
        var settings = new MeasurementSettings { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, RamWatts = 10 };
        var warnings = new List<string>();
        var plugIn = new ConstantSource("plug-in", EnergyComponent.Cpu, 15) { ThrowOnStart = new DllNotFoundException("libsensors.so") };
        using var meter = new EnergyMeter([plugIn, .. LinuxSources(settings, warnings)], warnings.Add);
        meter.Start(0);
        meter.Sample(1);
        var snapshot = meter.Snapshot();

        Assert.Equal("rapl", snapshot.Cpu.Source);
        Assert.True(snapshot.Cpu.IsMeasured);
        Assert.Equal(
            "CarbonGen: warning: cpu energy source 'plug-in' could not start: it threw DllNotFoundException: libsensors.so; using 'rapl' instead.",
            Assert.Single(warnings));
        Assert.Contains(snapshot.Sources, s => s.ToString() == "cpu plug-in: not used: it threw DllNotFoundException: libsensors.so");
    }

    [Fact]
    public void When_every_source_of_a_component_throws_the_warning_says_the_component_is_not_measured()
    {
        var warnings = new List<string>();
        var gpu = new ConstantSource("gpu-plug-in", EnergyComponent.Gpu, 50) { ThrowOnStart = new InvalidOperationException("no device") };
        using var meter = new EnergyMeter([gpu, new ConstantSource("cpu-plug-in", EnergyComponent.Cpu, 10)], warnings.Add);
        meter.Start(0);
        meter.Sample(2);
        var snapshot = meter.Snapshot();

        Assert.Equal(20, snapshot.Cpu.Joules, 9);
        Assert.False(snapshot.Gpu.IsPresent);
        Assert.Contains("no other source is left, so this component is not measured", Assert.Single(warnings));
    }

    [Fact]
    public void A_cpu_rating_that_cannot_be_resolved_is_warned_about_and_the_meter_still_starts()
    {
        var warnings = new List<string>();
        using var meter = new EnergyMeter(
            [new ConstantSource("cpu-plug-in", EnergyComponent.Cpu, 10)],
            warnings.Add,
            cpuModel: () => throw new IOException("cpuinfo vanished"));
        meter.Start(0);
        meter.Sample(2);

        Assert.Equal(20, meter.Snapshot().Cpu.Joules, 9);
        Assert.Contains("cpuinfo vanished", Assert.Single(warnings));
    }

    [Fact]
    public void A_source_that_throws_when_closed_is_warned_about_and_the_others_are_still_closed()
    {
        var warnings = new List<string>();
        var faulty = new ConstantSource("plug-in", EnergyComponent.Cpu, 10) { ThrowOnDispose = new ObjectDisposedException("sensor") };
        var next = new ConstantSource("ram-plug-in", EnergyComponent.Ram, 5);
        var meter = new EnergyMeter([faulty, next], warnings.Add);
        meter.Start(0);
        meter.Sample(1);

        meter.Dispose();

        Assert.True(next.IsDisposed);
        Assert.Contains("cpu energy source 'plug-in' could not be closed: it threw ObjectDisposedException", Assert.Single(warnings));
        Assert.Equal(10, meter.Snapshot().Cpu.Joules, 9);
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
        Assert.Equal(1.0, snapshot.ProcessCpuSeconds);
        Assert.Equal(0.25, snapshot.ProcessCpuShare);
    }

    /// <summary>Writes the machine's busy ticks and the process's ticks (<c>null</c>: an unreadable <c>self/stat</c>).</summary>
    private static void WriteTicks(FakeTree tree, int machineBusy, int? process)
    {
        tree.Write("proc/stat", $"cpu  {machineBusy} 0 0 5000 0 0 0 0 0 0\n");
        tree.Write("proc/self/stat", process is { } ticks ? $"9 (app) R 1 1 1 0 -1 0 0 0 0 0 {ticks} 0 0 0\n" : "garbage\n");
    }

    /// <summary>A meter on a constant 10 W CPU source and the test's procfs, started at 1,000 busy ticks and 100 of the process's.</summary>
    private static EnergyMeter TenWattMeter(FakeTree tree)
    {
        WriteTicks(tree, 1000, 100);
        var meter = new EnergyMeter([new ConstantSource("cpu-plug-in", EnergyComponent.Cpu, 10)], _ => { }, tree.Proc);
        meter.Start(0);
        return meter;
    }

    [Fact]
    public void The_process_cpu_energy_follows_its_share_interval_by_interval()
    {
        using var tree = new FakeTree();
        using var meter = TenWattMeter(tree);

        // First second: the machine is busy for 400 ticks, the process for 100 of them (a quarter).
        WriteTicks(tree, 1400, 200);
        meter.Sample(1);

        // Second second: the machine's 100 busy ticks are all the process's.
        WriteTicks(tree, 1500, 300);
        meter.Sample(2);
        var snapshot = meter.Snapshot();

        // 10 J a second: a quarter of the first 10 J and all of the second, not 40% of the 20 J (the run's share).
        Assert.Equal(20, snapshot.Cpu.Joules, 9);
        Assert.Equal(0.4, snapshot.ProcessCpuShare!.Value, 9);
        Assert.Equal(12.5, snapshot.ProcessCpuJoules!.Value, 9);
        var energy = Runtime.Attribution.ProcessEnergyAttribution.From(snapshot, TrackingMode.Process, new Reporting.ProcessSample(2, 0.5, 0), 0);
        Assert.Equal(12.5, energy.CpuJoules, 9);
    }

    [Fact]
    public void An_interval_with_a_failed_procfs_read_is_merged_into_the_next_one()
    {
        using var tree = new FakeTree();
        using var meter = TenWattMeter(tree);

        // The machine's time is read, the process's is not: nothing is apportioned yet.
        WriteTicks(tree, 1400, process: null);
        meter.Sample(1);

        // Both read: the two seconds count as one interval (500 busy ticks, 200 of them the process's).
        WriteTicks(tree, 1500, 300);
        meter.Sample(2);

        Assert.Equal(0.4 * 20, meter.Snapshot().ProcessCpuJoules!.Value, 9);
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
    /// A fault past the meter's handling of its sources (here the test hook, which runs inside the loop)
    /// must not end the process from the sampling thread: one warning, the figures kept, sampling goes on.
    /// </summary>
    [Fact]
    public void A_sample_that_throws_is_warned_about_once_and_the_loop_goes_on_keeping_every_figure()
    {
        var warnings = new ConcurrentQueue<string>();
        var meter = new EnergyMeter([new ConstantSource("plug-in", EnergyComponent.Cpu, 10)], warnings.Enqueue);
        var time = 0.0;
        using var hook = new FailingHook(failures: 3, calls: 6, onCall: n => Volatile.Write(ref time, n));
        using var sampler = new EnergySampler(meter, TimeSpan.FromMilliseconds(1), () => Volatile.Read(ref time)) { AfterSample = hook.Invoke };

        sampler.EnsureStarted();
        Assert.True(hook.Wait(), "the sampler stopped sampling after a fault");
        sampler.Stop();

        Assert.Equal(60, sampler.Snapshot().Cpu.Joules, 9);
        var warning = Assert.Single(warnings);
        Assert.Contains("an energy sample failed (InvalidOperationException: fault 1)", warning);
        Assert.Contains("The figures measured so far are kept and sampling goes on every 0.001 s", warning);
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
