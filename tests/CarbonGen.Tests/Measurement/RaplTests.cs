using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

public class RaplTests
{
    private static MeasurementSettings Settings(FakeTree tree, bool psys = false) => new() { SysfsRoot = tree.Sys, ProcfsRoot = tree.Proc, PreferPsys = psys };

    private static RaplEnergySource Cpu(FakeTree tree, List<string> warnings, OnceFlag? once = null, bool psys = false) =>
        new(EnergyComponent.Cpu, Settings(tree, psys), warnings.Add, once ?? new OnceFlag());

    private static RaplEnergySource Ram(FakeTree tree, List<string> warnings, OnceFlag? once = null, bool psys = false) =>
        new(EnergyComponent.Ram, Settings(tree, psys), warnings.Add, once ?? new OnceFlag());

    /// <summary>
    /// Two sockets at 100 W and 35 W and their memory at 6 W and 2 W, on counters that wrap at 1,000 J
    /// (every 10 s for the first socket), read every 1.7 s for 10 minutes: 58 wraps on socket 0.
    /// The counters are integer µJ and a wrap loses at most one unit, so the tolerance is 1 mJ.
    /// </summary>
    [Fact]
    public void Energy_at_a_known_wattage_is_measured_across_wraparounds()
    {
        using var tree = new FakeTree();
        const ulong max = 1_000_000_000; // µJ
        var zones = new (string Zone, string Name, double Watts, ulong Offset)[]
        {
            ("intel-rapl:0", "package-0", 100, 987_654_321),
            ("intel-rapl:0:0", "core", 80, 5),
            ("intel-rapl:0:1", "dram", 6, 17),
            ("intel-rapl:1", "package-1", 35, 0),
            ("intel-rapl:1:0", "dram", 2, 999_999_000),
        };
        var paths = new string[zones.Length];
        for (var i = 0; i < zones.Length; i++)
        {
            paths[i] = tree.AddZone(zones[i].Zone, zones[i].Name, zones[i].Offset, max, viaSymlink: true);
        }

        void WriteAt(double t)
        {
            for (var i = 0; i < zones.Length; i++)
            {
                var total = zones[i].Offset + (ulong)Math.Round(zones[i].Watts * t * 1e6);
                FakeTree.WriteCounter(paths[i], total % (max + 1));
            }
        }

        var warnings = new List<string>();
        using var cpu = Cpu(tree, warnings);
        using var ram = Ram(tree, warnings);
        Assert.True(cpu.TryStart(0), cpu.Status.ToString());
        Assert.True(ram.TryStart(0), ram.Status.ToString());
        Assert.Equal(["package-0", "package-1"], cpu.Domains.Select(d => d.Key));
        Assert.Equal(["package-0/dram", "package-1/dram"], ram.Domains.Select(d => d.Key));

        double t = 0, cpuJ = 0, ramJ = 0;
        while (t < 600)
        {
            t += 1.7;
            WriteAt(t);
            Assert.True(cpu.TryRead(t, out var c), cpu.Status.ToString());
            Assert.True(ram.TryRead(t, out var r), ram.Status.ToString());
            Assert.True(c >= cpuJ && r >= ramJ, "cumulative energy never decreases");
            (cpuJ, ramJ) = (c, r);
        }

        Assert.Equal(135 * t, cpuJ, 1e-3);
        Assert.Equal(8 * t, ramJ, 1e-3);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_domain_seen_through_msr_and_mmio_is_counted_once()
    {
        using var tree = new FakeTree();
        var msr = tree.AddZone("intel-rapl:0", "package-0", 1_000_000);
        var mmio = tree.AddZone("intel-rapl-mmio:0", "package-0", 1_000_000);
        tree.AddZone("intel-rapl:0:0", "core", 0);
        tree.AddZone("intel-rapl:0:1", "uncore", 0);
        var warnings = new List<string>();
        using var cpu = Cpu(tree, warnings);
        Assert.True(cpu.TryStart(0));

        FakeTree.WriteCounter(msr, 11_000_000);
        FakeTree.WriteCounter(mmio, 11_000_000);
        Assert.True(cpu.TryRead(1, out var joules));

        Assert.Equal(10.0, joules, 9);
        var domain = Assert.Single(cpu.Domains);
        Assert.Equal("intel-rapl:0", domain.Zone);
    }

    [Fact]
    public void The_mmio_twin_is_read_when_the_msr_zone_is_unreadable_and_no_warning_is_needed()
    {
        using var tree = new FakeTree();
        FakeTree.MakeUnreadable(tree.AddZone("intel-rapl:0", "package-0", 0));
        var mmio = tree.AddZone("intel-rapl-mmio:0", "package-0", 0);
        var warnings = new List<string>();
        using var cpu = Cpu(tree, warnings);

        Assert.True(cpu.TryStart(0), cpu.Status.ToString());
        FakeTree.WriteCounter(mmio, 3_000_000);
        Assert.True(cpu.TryRead(1, out var joules));

        Assert.Equal(3.0, joules, 9);
        Assert.Equal("intel-rapl-mmio:0", Assert.Single(cpu.Domains).Zone);
        Assert.Empty(warnings);
    }

    [Fact]
    public void An_unreadable_counter_gives_one_warning_naming_the_file_and_the_fix()
    {
        using var tree = new FakeTree();
        var package = tree.AddZone("intel-rapl:0", "package-0", 0);
        var dram = tree.AddZone("intel-rapl:0:0", "dram", 0);
        FakeTree.MakeUnreadable(package);
        FakeTree.MakeUnreadable(dram);
        var warnings = new List<string>();
        var once = new OnceFlag();
        using var cpu = Cpu(tree, warnings, once);
        using var ram = Ram(tree, warnings, once);

        Assert.False(cpu.TryStart(0));
        Assert.False(ram.TryStart(0));

        var warning = Assert.Single(warnings);
        Assert.Contains(package, warning);
        Assert.Contains("chmod a+r", warning);
        Assert.Contains("udev", warning);
        Assert.Contains("5.10", warning);
        Assert.Equal(SourceState.NotUsed, cpu.Status.State);
        Assert.Contains(package, cpu.Status.Detail);
        Assert.Equal(SourceState.NotUsed, ram.Status.State);
    }

    [Fact]
    public void Psys_is_used_when_there_is_no_package_domain_and_memory_is_not_counted_twice()
    {
        using var tree = new FakeTree();
        var psys = tree.AddZone("intel-rapl:1", "psys", 0);
        var warnings = new List<string>();
        using var cpu = Cpu(tree, warnings);
        using var ram = Ram(tree, warnings);
        Assert.True(cpu.TryStart(0));
        Assert.True(ram.TryStart(0));

        FakeTree.WriteCounter(psys, 20_000_000);
        Assert.True(cpu.TryRead(2, out var cpuJ));
        Assert.True(ram.TryRead(2, out var ramJ));

        Assert.Equal(20.0, cpuJ, 9);
        Assert.Equal(0.0, ramJ);
        Assert.Contains("psys", ram.Status.Detail);
    }

    [Fact]
    public void Psys_replaces_the_packages_when_configured()
    {
        using var tree = new FakeTree();
        var package = tree.AddZone("intel-rapl:0", "package-0", 0);
        tree.AddZone("intel-rapl:0:0", "dram", 0);
        var psys = tree.AddZone("intel-rapl:1", "psys", 0);
        var warnings = new List<string>();
        using var withPsys = Cpu(tree, warnings, psys: true);
        using var withoutPsys = Cpu(tree, warnings);
        Assert.True(withPsys.TryStart(0));
        Assert.True(withoutPsys.TryStart(0));

        FakeTree.WriteCounter(package, 7_000_000);
        FakeTree.WriteCounter(psys, 12_000_000);

        Assert.True(withPsys.TryRead(1, out var a));
        Assert.True(withoutPsys.TryRead(1, out var b));
        Assert.Equal(12.0, a, 9);
        Assert.Equal(7.0, b, 9);
    }

    [Fact]
    public void No_powercap_folder_means_not_used_with_a_reason()
    {
        using var tree = new FakeTree();
        using var cpu = Cpu(tree, []);
        Assert.False(cpu.TryStart(0));
        Assert.Equal(SourceState.NotUsed, cpu.Status.State);
        Assert.Contains("no RAPL zone", cpu.Status.Detail);
    }

    [Fact]
    public void Without_a_readable_range_a_backwards_counter_is_a_reset_never_negative_energy()
    {
        using var tree = new FakeTree();
        var path = tree.AddZone("intel-rapl:0", "package-0", 50_000_000, maxRange: null);
        var warnings = new List<string>();
        using var cpu = Cpu(tree, warnings);
        Assert.True(cpu.TryStart(0));
        Assert.Contains("max_energy_range_uj unreadable", cpu.Status.Detail);

        FakeTree.WriteCounter(path, 60_000_000);
        Assert.True(cpu.TryRead(1, out var first));
        FakeTree.WriteCounter(path, 4_000_000);
        Assert.True(cpu.TryRead(2, out var afterReset));
        FakeTree.WriteCounter(path, 9_000_000);
        Assert.True(cpu.TryRead(3, out var later));

        Assert.Equal(10.0, first, 9);
        Assert.Equal(14.0, afterReset, 9); // 10 J before, 4 J since the counter restarted from 0
        Assert.Equal(19.0, later, 9);
        var warning = Assert.Single(warnings);
        Assert.Contains(path, warning);
        Assert.Contains("reset", warning);

        // A counter that keeps going backwards is not trusted any more; what it measured is kept by the caller.
        FakeTree.WriteCounter(path, 1_000_000);
        Assert.False(cpu.TryRead(4, out _));
        Assert.Equal(SourceState.Failed, cpu.Status.State);
        Assert.Contains("backwards again", cpu.Status.Detail);
    }

    [Fact]
    public void Garbage_in_the_counter_stops_the_source_with_the_file_and_what_was_read()
    {
        using var tree = new FakeTree();
        var path = tree.AddZone("intel-rapl:0", "package-0", 0);
        using var cpu = Cpu(tree, []);
        Assert.True(cpu.TryStart(0));
        FakeTree.WriteCounter(path, 1_000_000);
        Assert.True(cpu.TryRead(1, out var before));

        FakeTree.WriteInPlace(path, "n/a\n");
        Assert.False(cpu.TryRead(2, out _));

        Assert.Equal(1.0, before, 9);
        Assert.Equal(SourceState.Failed, cpu.Status.State);
        Assert.Contains(path, cpu.Status.Detail);
        Assert.Contains("'n/a", cpu.Status.Detail);
    }

    [Fact]
    public void A_jump_no_hardware_could_use_is_not_counted()
    {
        using var tree = new FakeTree();
        var path = tree.AddZone("intel-rapl:0", "package-0", 0);
        using var cpu = Cpu(tree, []);
        Assert.True(cpu.TryStart(0));

        FakeTree.WriteCounter(path, 100_000_000_000); // 100 kJ in one second
        Assert.False(cpu.TryRead(1, out _));
        Assert.Contains("jumped", cpu.Status.Detail);
    }

    [Fact]
    public void A_counter_that_vanishes_mid_run_stops_the_source()
    {
        // A sysfs node that disappears (driver unloaded) fails reads on the open handle. A /proc/<pid> file
        // of a child process behaves the same way once the child has exited: use one as the counter.
        using var tree = new FakeTree();
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        var dir = Path.Combine(tree.PowercapDir, "intel-rapl:0");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "name"), "package-0\n");
        File.CreateSymbolicLink(Path.Combine(dir, "energy_uj"), $"/proc/{child.Id}/oom_score_adj");
        using var cpu = Cpu(tree, []);
        Assert.True(cpu.TryStart(0), cpu.Status.ToString());
        Assert.True(cpu.TryRead(1, out _));

        child.Kill();
        child.WaitForExit();

        Assert.False(cpu.TryRead(2, out _));
        Assert.Equal(SourceState.Failed, cpu.Status.State);
        Assert.Contains("can no longer be read", cpu.Status.Detail);
    }
}

public class CounterTrackTests
{
    [Fact]
    public void Forward_steps_add_up()
    {
        var track = new CounterTrack(1_000, 0, 1e-6, 10_000_000);
        Assert.Equal(CounterStep.Advanced, track.Advance(3_000, 1));
        Assert.Equal(CounterStep.Advanced, track.Advance(3_000, 2));
        Assert.Equal(2_000e-6, track.Joules, 12);
    }

    [Fact]
    public void A_wrap_within_the_range_counts_the_distance_to_the_top_and_the_new_value()
    {
        var track = new CounterTrack(9_999_000, 0, 1e-6, 10_000_000);
        Assert.Equal(CounterStep.Wrapped, track.Advance(500, 1));
        Assert.Equal(1_500e-6, track.Joules, 12);
        Assert.Equal(0, track.Resets);
    }

    [Fact]
    public void A_backwards_step_that_would_mean_an_impossible_power_is_a_reset()
    {
        // Range 262 kJ: going from 100 kJ back to 1 J in one second would be a 162 kJ wrap, 162 kW.
        var track = new CounterTrack(100_000_000_000, 0, 1e-6, 262_143_328_850);
        Assert.Equal(CounterStep.Reset, track.Advance(1_000_000, 1));
        Assert.Equal(1.0, track.Joules, 9);
        Assert.Equal(1, track.Resets);
    }

    [Fact]
    public void A_reset_to_an_implausibly_large_value_counts_nothing_rather_than_something_wrong()
    {
        var track = new CounterTrack(900_000_000_000, 0, 1e-6, 0);
        Assert.Equal(CounterStep.Reset, track.Advance(800_000_000_000, 1));
        Assert.Equal(0.0, track.Joules);
    }

    [Fact]
    public void A_long_gap_allows_a_proportionally_larger_step()
    {
        var track = new CounterTrack(0, 0, 1e-3, 0);
        Assert.Equal(CounterStep.Implausible, track.Advance(20_000_000, 1)); // 20 kJ in 1 s
        Assert.Equal(CounterStep.Advanced, track.Advance(20_000_000, 3600)); // 20 kJ in an hour: 5.6 W
        Assert.Equal(20_000.0, track.Joules, 6);
    }

    [Theory]
    [InlineData("123\n", true, 123UL)]
    [InlineData("0", true, 0UL)]
    [InlineData("18446744073709551615\n", true, ulong.MaxValue)]
    [InlineData("18446744073709551616\n", false, 0UL)]
    [InlineData("", false, 0UL)]
    [InlineData("\n", false, 0UL)]
    [InlineData("-5\n", false, 0UL)]
    [InlineData("12a\n", false, 0UL)]
    [InlineData("12 13\n", false, 0UL)]
    public void Counter_text_is_digits_and_a_newline(string text, bool ok, ulong expected)
    {
        Assert.Equal(ok, CounterFile.TryParseDecimal(System.Text.Encoding.ASCII.GetBytes(text), out var value));
        if (ok)
        {
            Assert.Equal(expected, value);
        }
    }
}
