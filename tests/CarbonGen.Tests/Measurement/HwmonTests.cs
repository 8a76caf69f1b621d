using System.Collections.Generic;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

public class HwmonTests
{
    private static HwmonEnergySource Source(FakeTree tree, List<string> warnings) => new(new MeasurementSettings { SysfsRoot = tree.Sys }, warnings.Add);

    [Fact]
    public void Amd_energy_counts_the_sockets_not_the_cores_inside_them()
    {
        using var tree = new FakeTree();
        tree.Write("sys/class/hwmon/hwmon2/name", "amd_energy\n");
        for (var core = 1; core <= 4; core++)
        {
            tree.Write($"sys/class/hwmon/hwmon2/energy{core}_input", "1000000\n");
            tree.Write($"sys/class/hwmon/hwmon2/energy{core}_label", $"Ecore00{core - 1}\n");
        }

        var socket0 = tree.Write("sys/class/hwmon/hwmon2/energy5_input", "5000000\n");
        tree.Write("sys/class/hwmon/hwmon2/energy5_label", "Esocket0\n");
        var socket1 = tree.Write("sys/class/hwmon/hwmon2/energy6_input", "7000000\n");
        tree.Write("sys/class/hwmon/hwmon2/energy6_label", "Esocket1\n");

        // A GPU's energy counter is not CPU energy.
        tree.Write("sys/class/hwmon/hwmon3/name", "i915\n");
        tree.Write("sys/class/hwmon/hwmon3/energy1_input", "1\n");

        var warnings = new List<string>();
        using var source = Source(tree, warnings);
        Assert.True(source.TryStart(0), source.Status.ToString());
        Assert.Equal(2, source.Counters.Count);

        FakeTree.WriteCounter(socket0, 65_000_000); // +60 J
        FakeTree.WriteCounter(socket1, 37_000_000); // +30 J
        Assert.True(source.TryRead(1, out var joules));
        Assert.Equal(90, joules, 9);
        Assert.Contains("Esocket0", source.Status.Detail);
        Assert.Empty(warnings);
    }

    [Fact]
    public void Unlabelled_counters_of_one_device_are_not_guessed_at()
    {
        using var tree = new FakeTree();
        tree.Write("sys/class/hwmon/hwmon0/name", "mystery\n");
        tree.Write("sys/class/hwmon/hwmon0/energy1_input", "1\n");
        tree.Write("sys/class/hwmon/hwmon0/energy2_input", "2\n");
        tree.Write("sys/class/hwmon/hwmon1/name", "amdgpu\n");
        tree.Write("sys/class/hwmon/hwmon1/energy1_input", "2\n");

        using var source = Source(tree, []);
        Assert.False(source.TryStart(0));
        Assert.Equal(SourceState.NotUsed, source.Status.State);
        Assert.Contains("mystery: no socket-level counter", source.Status.Detail);
        Assert.Contains("amdgpu is a GPU driver", source.Status.Detail);
    }

    [Fact]
    public void A_single_counter_is_used_and_a_backwards_step_is_a_reset()
    {
        using var tree = new FakeTree();
        tree.Write("sys/class/hwmon/hwmon0/name", "power_meter\n");
        var path = tree.Write("sys/class/hwmon/hwmon0/energy1_input", "9000000\n");
        var warnings = new List<string>();
        using var source = Source(tree, warnings);
        Assert.True(source.TryStart(0));

        FakeTree.WriteCounter(path, 2_000_000);
        Assert.True(source.TryRead(1, out var joules));

        Assert.Equal(2, joules, 9);
        Assert.Contains("reset", Assert.Single(warnings));
    }

    [Fact]
    public void No_hwmon_counter_means_not_used()
    {
        using var tree = new FakeTree();
        using var source = Source(tree, []);
        Assert.False(source.TryStart(0));
        Assert.Contains("no CPU energy*_input counter", source.Status.Detail);
    }
}
