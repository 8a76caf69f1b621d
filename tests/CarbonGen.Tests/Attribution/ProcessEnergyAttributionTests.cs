using System;
using CarbonGen.Measurement;
using CarbonGen.Reporting;
using CarbonGen.Runtime.Attribution;
using Xunit;

namespace CarbonGen.Tests.Attribution;

public class ProcessEnergyAttributionTests
{
    private static EnergySnapshot Snapshot(ulong machineBusy, ulong process, bool cpuPresent = true) => new(
        ElapsedSeconds: 10,
        Cpu: new ComponentEnergy(EnergyComponent.Cpu, 200, "rapl", true, cpuPresent),
        Gpu: new ComponentEnergy(EnergyComponent.Gpu, 0, "none", true, false),
        Ram: new ComponentEnergy(EnergyComponent.Ram, 50, "ram-model", false, true),
        Sources: [],
        Gpus: [],
        MachineBusyTicks: machineBusy,
        ProcessCpuSeconds: process / 100.0);

    [Fact]
    public void Process_mode_takes_the_process_share_of_busy_cpu_and_of_memory()
    {
        var energy = ProcessEnergyAttribution.From(Snapshot(400, 100), TrackingMode.Process, new ProcessSample(10, 1, WorkingSetGigabytes: 2), totalMemoryGigabytes: 8);
        Assert.Equal(50, energy.CpuJoules, 9);
        Assert.Equal(12.5, energy.RamJoules, 9);
        Assert.False(energy.IsMeasured);
        Assert.Contains("25%", energy.Detail);
    }

    [Fact]
    public void Machine_mode_takes_everything()
    {
        var energy = ProcessEnergyAttribution.From(Snapshot(400, 100), TrackingMode.Machine, new ProcessSample(10, 1, 2), 8);
        Assert.Equal(200, energy.CpuJoules, 9);
        Assert.Equal(50, energy.RamJoules, 9);
    }

    [Fact]
    public void Without_any_cpu_source_the_cpu_time_model_applies_and_says_why()
    {
        var energy = ProcessEnergyAttribution.From(Snapshot(0, 0, cpuPresent: false), TrackingMode.Process, new ProcessSample(10, 2, 1), 8);
        Assert.Equal(CpuTimePowerModel.Source, energy.Source);
        Assert.Equal(8, energy.CpuJoules, 9);
        Assert.Contains("no power source was usable", energy.Detail);
    }
}
