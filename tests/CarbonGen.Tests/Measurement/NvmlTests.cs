using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

/// <summary>Drives <see cref="NvmlEnergySource"/> against the fake libnvidia-ml. One fake per process: not parallel.</summary>
[Collection(nameof(EnvironmentCollection))]
public class NvmlTests
{
    private readonly FakeNvml _fake = FakeNvml.Instance;
    private readonly List<string> _warnings = [];

    private NvmlEnergySource Source(string? cudaVisible = null) =>
        new(new MeasurementSettings { NvmlLibrary = _fake.LibraryPath, CudaVisibleDevices = cudaVisible }, _warnings.Add);

    [Fact]
    public void Energy_counters_are_read_and_nvml_is_shut_down()
    {
        _fake.Configure("count=2", "name.0=NVIDIA H200", "energy.0=1000000", "energy.1=500000", "power.0=999999");
        var inits = _fake.Calls("nvmlInit_v2");
        var shutdowns = _fake.Calls("nvmlShutdown");
        using (var source = Source())
        {
            Assert.True(source.TryStart(0), source.Status.ToString());
            _fake.Configure("count=2", "name.0=NVIDIA H200", "energy.0=1050000", "energy.1=520000", "power.0=999999");
            Assert.True(source.TryRead(1, out var joules));

            Assert.Equal(70, joules, 9);
            Assert.Equal(["energy counter", "energy counter"], source.Gpus.Select(g => g.Method));
            Assert.Equal("NVIDIA H200", source.Gpus[0].Name);
            Assert.Equal("GPU-00000000-0000-0000-0000-000000000001", source.Gpus[1].Uuid);
            Assert.Contains("2 of 2 GPU(s)", source.Status.Detail);
        }

        Assert.Equal(inits + 1, _fake.Calls("nvmlInit_v2"));
        Assert.Equal(shutdowns + 1, _fake.Calls("nvmlShutdown"));
        Assert.Empty(_warnings);
    }

    [Fact]
    public void Without_an_energy_counter_power_is_integrated_over_time()
    {
        _fake.Configure("count=1", "power.0=100000");
        using var source = Source();
        Assert.True(source.TryStart(10));
        _fake.Configure("count=1", "power.0=200000");
        Assert.True(source.TryRead(12, out var first));   // (100 + 200) / 2 W for 2 s
        Assert.True(source.TryRead(13, out var second));  // 200 W for 1 s

        Assert.Equal(300, first, 9);
        Assert.Equal(500, second, 9);
        Assert.Equal("power samples", source.Gpus[0].Method);
    }

    [Fact]
    public void No_gpu_means_not_used_and_nvml_is_released()
    {
        _fake.Configure("count=0");
        var shutdowns = _fake.Calls("nvmlShutdown");
        using var source = Source();

        Assert.False(source.TryStart(0));
        Assert.Equal(SourceState.NotUsed, source.Status.State);
        Assert.Contains("no GPU", source.Status.Detail);
        Assert.Equal(shutdowns + 1, _fake.Calls("nvmlShutdown"));
    }

    [Fact]
    public void A_failing_init_is_reported_with_nvml_s_words()
    {
        _fake.Configure("init=9", "count=1");
        using var source = Source();
        Assert.False(source.TryStart(0));
        Assert.Contains("nvmlInit_v2 failed: Driver Not Loaded (NVML error 9)", source.Status.Detail);
    }

    [Fact]
    public void A_missing_library_is_not_used_and_a_configured_one_is_named_in_a_warning()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir", "libnvidia-ml.so.1");
        using var source = new NvmlEnergySource(new MeasurementSettings { NvmlLibrary = missing }, _warnings.Add);

        Assert.False(source.TryStart(0));
        Assert.Contains("could not be loaded", source.Status.Detail);
        var warning = Assert.Single(_warnings);
        Assert.Contains($"CARBONGEN_NVML_LIBRARY='{missing}'", warning);
    }

    [Fact]
    public void Cuda_visible_devices_selects_by_index_and_by_uuid_prefix()
    {
        _fake.Configure("count=3", "energy.0=0", "energy.1=0", "energy.2=0", "uuid.2=GPU-deadbeef-1111");
        using (var byIndex = Source("1"))
        {
            Assert.True(byIndex.TryStart(0));
            Assert.Equal(1, Assert.Single(byIndex.Gpus).Index);
        }

        using (var byUuid = Source("GPU-deadbeef,0"))
        {
            Assert.True(byUuid.TryStart(0));
            Assert.Equal([2, 0], byUuid.Gpus.Select(g => g.Index));
        }

        using var none = Source(string.Empty);
        Assert.False(none.TryStart(0));
        Assert.Contains("hides all 3 GPU(s)", none.Status.Detail);
    }

    [Fact]
    public void A_failing_energy_counter_falls_back_to_power_and_a_lost_gpu_keeps_its_figure()
    {
        _fake.Configure("count=2", "energy.0=0", "energy.1=0", "power.0=50000", "power.1=50000");
        using var source = Source();
        Assert.True(source.TryStart(0));
        _fake.Configure("count=2", "energy.0=10000", "energy.1=10000", "power.0=50000", "power.1=50000");
        Assert.True(source.TryRead(1, out var first)); // 10 J each

        _fake.Configure("count=2", "energy.0=20000", "energy.1=20000", "power.0=50000", "power.1=50000", "fail.nvmlDeviceGetTotalEnergyConsumption.0=15");
        Assert.True(source.TryRead(2, out var second)); // GPU 0: 50 W for 1 s from power; GPU 1: +10 J
        Assert.Contains(_warnings, w => w.Contains("GPU 0") && w.Contains("continuing with power samples"));

        _fake.Configure("count=2", "energy.1=20000", "fail.nvmlDeviceGetPowerUsage=15", "fail.nvmlDeviceGetTotalEnergyConsumption=15");
        Assert.False(source.TryRead(3, out _));

        Assert.Equal(20, first, 9);
        Assert.Equal(80, second, 9);
        Assert.Equal(SourceState.Failed, source.Status.State);
        Assert.Equal(60, source.Gpus[0].Joules, 9);
        Assert.Equal(20, source.Gpus[1].Joules, 9);
        Assert.All(source.Gpus, g => Assert.Contains("GPU is lost", g.Failure));
    }

    [Fact]
    public void This_process_share_comes_from_per_process_utilisation()
    {
        _fake.Configure("count=1", "energy.0=0", "procutil.0=self:60,4242:20");
        using var source = Source();
        Assert.True(source.TryStart(0));
        _fake.Configure("count=1", "energy.0=40000", "procutil.0=self:60,4242:20");
        Assert.True(source.TryRead(1, out _)); // 40 J, 3/4 ours
        _fake.Configure("count=1", "energy.0=60000", "procutil.0=");
        Assert.True(source.TryRead(2, out var joules)); // 20 J, nobody's

        Assert.Equal(60, joules, 9);
        Assert.Equal(30, source.Gpus[0].ProcessJoules!.Value, 9);
    }

    [Fact]
    public void Without_per_process_utilisation_the_share_is_unknown_not_zero()
    {
        _fake.Configure("count=1", "energy.0=0");
        using var source = Source();
        Assert.True(source.TryStart(0));
        _fake.Configure("count=1", "energy.0=1000");
        Assert.True(source.TryRead(1, out _));
        Assert.Null(source.Gpus[0].ProcessJoules);
    }
}

public class CudaVisibleDevicesTests
{
    private static readonly string[] s_uuids = ["GPU-aaaa-0", "GPU-bbbb-1", "GPU-abcd-2"];

    [Theory]
    [InlineData(null, new[] { 0, 1, 2 })]
    [InlineData("", new int[0])]
    [InlineData("2,0", new[] { 2, 0 })]
    [InlineData(" 1 ", new[] { 1 })]
    [InlineData("1,7,0", new[] { 1 })]
    [InlineData("-1", new int[0])]
    [InlineData("GPU-bbbb", new[] { 1 })]
    [InlineData("GPU-a", new int[0])]          // ambiguous prefix
    [InlineData("GPU-abcd-2,1", new[] { 2, 1 })]
    [InlineData("0,0", new[] { 0 })]
    [InlineData("MIG-1234", new int[0])]
    public void Selection_follows_cuda(string? value, int[] expected)
    {
        var visible = CudaVisibleDevices.Select(value, s_uuids, out var note);
        Assert.Equal(expected, visible);
        Assert.Equal(value is not null && expected.Length < value.Split(',').Length && value.Trim().Length > 0, note is not null);
    }
}
