using System.Collections.Generic;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

public class CpuTdpTableTests
{
    [Fact]
    public void The_embedded_table_has_every_cleaned_row()
    {
        // 4,903 rows upstream, less 4 malformed, 1 zero and 7 duplicates (see data/README.md).
        Assert.Equal(4891, CpuTdpTable.Embedded.Count);
    }

    [Theory]
    [InlineData("Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz", "Intel Core i7-8650U", 15, "Normalised")]
    [InlineData("AMD Ryzen 7 5800X 8-Core Processor", "AMD Ryzen 7 5800X", 105, "Normalised")]
    [InlineData("AMD Ryzen 9 7950X 16-Core Processor", "AMD Ryzen 9 7950X", 170, "Normalised")]
    [InlineData("AMD EPYC 7763 64-Core Processor", "AMD EPYC 7763", 280, "Normalised")]
    [InlineData("AMD Ryzen Threadripper 1950X 16-Core Processor", "AMD Ryzen Threadripper 1950X", 180, "Normalised")]
    [InlineData("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", "Intel Xeon E5-2620 v3", 85, "Normalised")]
    [InlineData("Intel(R) Xeon(R) CPU E3-1240 V2 @ 3.40GHz", "Intel Xeon E3-1240 v2", 69, "Normalised")]
    [InlineData("Intel(R) Xeon(R) Gold 6126 CPU @ 2.60GHz", "Intel Xeon Gold 6126", 125, "Normalised")]
    [InlineData("Intel(R) Xeon(R) Platinum 8480+", "Intel Xeon Platinum 8480+", 350, "Normalised")]
    [InlineData("AMD EPYC 8024P 8-Core Processor", "AMD EPYC 8024P", 90, "Normalised")]
    [InlineData("Apple M1", "Apple M1", 10, "Exact")]
    [InlineData("intel core i9-13900k", "Intel Core i9-13900K", 125, "Exact")]
    [InlineData("12th Gen Intel(R) Core(TM) i7-8650U", "Intel Core i7-8650U", 15, "TokenSet")]
    public void Real_model_strings_find_their_tdp(string model, string tableName, double watts, string kind)
    {
        Assert.True(CpuTdpTable.Embedded.TryMatch(model, out var match), model);
        Assert.Equal(tableName, match.TableName);
        Assert.Equal(watts, match.Watts);
        Assert.Equal(kind, match.Kind.ToString());
    }

    [Theory]
    [InlineData("Intel(R) Xeon(R) Processor")] // this CI machine's hypervisor-masked model: no model number
    [InlineData("Common KVM processor")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Intel(R) Core(TM) i7-99999Z CPU @ 9.90GHz")]
    public void Strings_without_a_unique_model_match_nothing(string? model) =>
        Assert.False(CpuTdpTable.Embedded.TryMatch(model, out _));

    [Fact]
    public void The_most_specific_contained_name_wins_and_disagreeing_ties_match_nothing()
    {
        var table = CpuTdpTable.Parse(new System.IO.StringReader("name,tdp_watts\nAcme X1,10\nAcme X1 Pro,20\nAcme Z9,30\nZeta Z9,40\n\"Acme, Inc. Q7\",50\n"));
        Assert.True(table.TryMatch("Acme(R) X1 Pro Turbo Edition", out var pro));
        Assert.Equal(20, pro.Watts);
        Assert.True(table.TryMatch("Acme X1 Turbo", out var plain));
        Assert.Equal(10, plain.Watts);
        Assert.False(table.TryMatch("Acme Zeta Z9", out _));
        Assert.True(table.TryMatch("Acme, Inc. Q7", out var quoted));
        Assert.Equal(50, quoted.Watts);
    }
}

public class PowerModelTests
{
    private static CpuInfo Cpu(string? model, int sockets = 1, int logical = 8, bool vm = false) => new(model, sockets, logical, vm, false);

    [Fact]
    public void The_curve_is_linear_from_a_tenth_at_idle_to_the_tdp_at_full_load()
    {
        var model = CpuPowerModel.Resolve(Cpu("AMD EPYC 7763 64-Core Processor", sockets: 2), null);
        Assert.Equal(560, model.TotalWatts);
        Assert.Equal(56, model.Watts(0), 9);
        Assert.Equal(308, model.Watts(0.5), 9);
        Assert.Equal(560, model.Watts(1), 9);
        Assert.Equal(560, model.Watts(7), 9);
    }

    [Fact]
    public void The_override_is_per_package_and_multiplied_by_sockets()
    {
        var model = CpuPowerModel.Resolve(Cpu("Intel(R) Xeon(R) Processor", sockets: 2), 65);
        Assert.Equal(130, model.TotalWatts);
        Assert.Equal(TdpOrigin.Override, model.Origin);
    }

    [Fact]
    public void An_unknown_cpu_costs_four_watts_per_logical_cpu_and_says_how_to_fix_it()
    {
        var model = CpuPowerModel.Resolve(Cpu("Intel(R) Xeon(R) Processor", logical: 2, vm: true), null);
        Assert.Equal(8, model.TotalWatts);
        Assert.Equal(TdpOrigin.PerLogicalCpu, model.Origin);
        Assert.Contains("CARBONGEN_CPU_TDP_WATTS", model.Description);
        Assert.Contains("'Intel(R) Xeon(R) Processor' is not in the TDP table", model.Description);
    }

    [Fact]
    public void A_virtual_machine_is_told_the_table_figure_is_the_whole_socket()
    {
        var model = CpuPowerModel.Resolve(Cpu("Intel(R) Xeon(R) Gold 6126 CPU @ 2.60GHz", vm: true), null);
        Assert.Equal(125, model.TotalWatts);
        Assert.Contains("virtual machine", model.Description);
    }

    [Theory]
    [InlineData(7.7, 2, 10)]      // 8 GB laptop
    [InlineData(15.5, 2, 10)]     // 16 GB
    [InlineData(22.9, 4, 20)]     // 24 GB (this CI VM)
    [InlineData(31.3, 4, 20)]     // 32 GB
    [InlineData(62.8, 4, 20)]     // 64 GB
    [InlineData(125.7, 8, 38)]    // 128 GB
    [InlineData(188.5, 12, 54)]   // 192 GB: 12 x 16 GB
    [InlineData(251.5, 8, 38)]    // 256 GB: 8 x 32 GB
    [InlineData(1007.0, 8, 38)]   // 1 TB: 8 x 128 GB
    [InlineData(2014.0, 16, 70)]  // 2 TB
    [InlineData(1.8, 1, 10)]      // tiny: the 10 W floor
    public void Ram_power_follows_the_likely_number_of_dimms(double memTotal, int dimms, double watts)
    {
        Assert.Equal(dimms, RamPowerModel.EstimateDimms(memTotal));
        Assert.Equal(watts, RamPowerModel.Watts(memTotal, arm: false), 9);
    }

    [Fact]
    public void Arm_dimms_cost_less_with_a_lower_floor()
    {
        Assert.Equal(3, RamPowerModel.Watts(7.7, arm: true), 9);
        Assert.Equal(6, RamPowerModel.Watts(31.3, arm: true), 9);
    }

    [Fact]
    public void The_tdp_model_integrates_the_load_of_each_interval()
    {
        using var tree = new FakeTree();
        var stat = tree.Write("proc/stat", "cpu  0 0 0 0 0 0 0 0 0 0\n");
        var settings = new MeasurementSettings { ProcfsRoot = tree.Proc, CpuTdpWatts = 100 };
        using var source = new TdpModelSource(settings, Cpu("whatever"));
        Assert.True(source.TryStart(10));
        Assert.Equal(SourceState.Used, source.Status.State);

        FakeTree.WriteInPlace(stat, "cpu  50 0 50 100 0 0 0 0 0 0\n"); // 50 % busy for 2 s: 55 W
        Assert.True(source.TryRead(12, out var a));
        FakeTree.WriteInPlace(stat, "cpu  50 0 50 300 0 0 0 0 0 0\n"); // idle for 4 s: 10 W
        Assert.True(source.TryRead(16, out var b));
        FakeTree.WriteInPlace(stat, "cpu  250 0 50 300 0 0 0 0 0 0\n"); // fully busy for 1 s: 100 W
        Assert.True(source.TryRead(17, out var c));

        Assert.Equal(110, a, 9);
        Assert.Equal(150, b, 9);
        Assert.Equal(250, c, 9);
    }

    [Fact]
    public void Without_proc_stat_the_model_takes_half_load_and_says_so()
    {
        using var tree = new FakeTree();
        using var source = new TdpModelSource(new MeasurementSettings { ProcfsRoot = tree.Proc, CpuTdpWatts = 100 }, Cpu("x"));
        Assert.True(source.TryStart(0));
        Assert.Contains("50 %", source.Status.Detail);
        Assert.True(source.TryRead(2, out var joules));
        Assert.Equal(110, joules, 9);
    }

    [Fact]
    public void The_ram_model_uses_meminfo_or_the_override()
    {
        using var tree = new FakeTree();
        tree.Write("proc/meminfo", "MemTotal:       32822372 kB\n");
        using var model = new RamModelSource(new MeasurementSettings { ProcfsRoot = tree.Proc }, Cpu("x"));
        using var configured = new RamModelSource(new MeasurementSettings { ProcfsRoot = tree.Proc, RamWatts = 7.5 }, Cpu("x"));
        Assert.True(model.TryStart(5));
        Assert.True(configured.TryStart(5));
        Assert.True(model.TryRead(15, out var modelled));
        Assert.True(configured.TryRead(15, out var overridden));

        Assert.Equal(200, modelled, 9);
        Assert.Equal(75, overridden, 9);
        Assert.Contains("CARBONGEN_RAM_WATTS", configured.Status.Detail);
    }
}

[Collection(nameof(EnvironmentCollection))]
public class MeasurementSettingsTests
{
    private static readonly string[] s_all =
    [
        MeasurementSettings.SysfsRootVariable, MeasurementSettings.ProcfsRootVariable, MeasurementSettings.CpuTdpVariable,
        MeasurementSettings.RamWattsVariable, MeasurementSettings.RaplPsysVariable, MeasurementSettings.NvmlLibraryVariable,
        MeasurementSettings.CudaVisibleDevicesVariable,
    ];

    private static EnvironmentScope Scope(params (string Name, string? Value)[] values)
    {
        var all = new List<(string, string?)>();
        foreach (var name in s_all)
        {
            var value = System.Array.Find(values, v => v.Name == name);
            all.Add((name, value.Name is null ? null : value.Value));
        }

        return new EnvironmentScope(all.ToArray());
    }

    [Fact]
    public void Defaults_need_no_variable()
    {
        using var _ = Scope();
        var settings = MeasurementSettings.FromEnvironment(w => Assert.Fail(w));
        Assert.Equal("/sys", settings.SysfsRoot);
        Assert.Equal("/proc", settings.ProcfsRoot);
        Assert.Null(settings.CpuTdpWatts);
        Assert.Null(settings.RamWatts);
        Assert.False(settings.PreferPsys);
        Assert.Null(settings.CudaVisibleDevices);
    }

    [Fact]
    public void Good_values_are_read()
    {
        using var _ = Scope(
            ("CARBONGEN_SYSFS_ROOT", "/host/sys"), ("CARBONGEN_PROCFS_ROOT", "/host/proc"),
            ("CARBONGEN_RAPL_PSYS", "yes"), ("CARBONGEN_NVML_LIBRARY", "/opt/nvml.so"), ("CUDA_VISIBLE_DEVICES", "1,0"));
        var settings = MeasurementSettings.FromEnvironment(w => Assert.Fail(w));
        Assert.Equal("/host/sys", settings.SysfsRoot);
        Assert.Equal("/host/proc", settings.ProcfsRoot);
        Assert.True(settings.PreferPsys);
        Assert.Equal("/opt/nvml.so", settings.NvmlLibrary);
        Assert.Equal("1,0", settings.CudaVisibleDevices);
    }

    [Fact]
    public void Power_overrides_and_the_interval_come_from_the_resolved_settings()
    {
        // Those settings are validated once, by the settings model (see Configuration/BadValueTests).
        using var _ = Scope(("CARBONGEN_SYSFS_ROOT", "/host/sys"));
        var settings = MeasurementSettings.FromSettings(
            new CarbonOptions { CpuTdpWatts = 65.5, RamWatts = 12, SamplingIntervalSeconds = 2 }, w => Assert.Fail(w));
        Assert.Equal(65.5, settings.CpuTdpWatts);
        Assert.Equal(12, settings.RamWatts);
        Assert.Equal(2000, settings.SamplingInterval.TotalMilliseconds);
        Assert.Equal("/host/sys", settings.SysfsRoot);
    }

    [Fact]
    public void The_procfs_root_of_the_cpu_model_is_the_one_of_every_procfs_reader()
    {
        using var tree = new FakeTree();
        tree.Write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Host CPU under /host/proc\n");
        using var _ = Scope(("CARBONGEN_PROCFS_ROOT", tree.Proc));

        Assert.Equal(tree.Proc, MeasurementSettings.FromEnvironment(w => Assert.Fail(w)).ProcfsRoot);
        Assert.Equal("Host CPU under /host/proc", MachineInfo.ReadCpuModel(MeasurementSettings.ProcfsRootFromEnvironment()));
    }

    [Theory]
    [InlineData("CARBONGEN_RAPL_PSYS", "maybe", "true or false")]
    public void A_bad_value_names_the_variable_the_value_and_the_fix_and_is_ignored(string variable, string value, string fix)
    {
        using var _ = Scope((variable, value));
        var warnings = new List<string>();
        var settings = MeasurementSettings.FromEnvironment(warnings.Add);

        var warning = Assert.Single(warnings);
        Assert.Contains($"{variable}='{value}'", warning);
        Assert.Contains(fix, warning);
        Assert.False(settings.PreferPsys);
    }
}
