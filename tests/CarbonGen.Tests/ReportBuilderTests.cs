using System;
using System.Linq;
using CarbonGen.Reporting;
using Xunit;

namespace CarbonGen.Tests;

public class ReportBuilderTests
{
    private const double JoulesPerKwh = 3_600_000.0;

    private static CarbonReport Build(ProcessSample process, params MethodSample[] methods) =>
        ReportBuilder.Build(methods, process, "tests", Guid.Empty, new DateTime(2026, 1, 2, 3, 4, 5));

    [Fact]
    public void Process_energy_follows_the_cpu_time_model_and_world_average_intensity()
    {
        // 90 s of CPU at 4 W = 360 J; 2 GiB at 0.375 W/GiB for 100 s = 75 J.
        var report = Build(new ProcessSample(DurationSeconds: 100, CpuSeconds: 90, WorkingSetGigabytes: 2));

        Assert.Equal(360 / JoulesPerKwh, report.CpuEnergyKwh, 15);
        Assert.Equal(75 / JoulesPerKwh, report.RamEnergyKwh, 15);
        Assert.Equal(3.6, report.CpuPowerWatts, 9);
        Assert.Equal(0.75, report.RamPowerWatts, 9);
        Assert.Equal(435 / JoulesPerKwh * 0.475, report.EmissionsKg, 15);
        Assert.Equal("world-average", report.IntensitySource);
        Assert.Equal("cpu-time-model", report.EnergySource);
    }

    [Fact]
    public void Methods_are_charged_for_their_self_time_and_the_rest_is_untracked()
    {
        var report = Build(
            new ProcessSample(DurationSeconds: 100, CpuSeconds: 90, WorkingSetGigabytes: 2),
            new MethodSample("A", Calls: 10, FailedCalls: 1, DurationSeconds: 50, SelfDurationSeconds: 30),
            new MethodSample("B", Calls: 4, FailedCalls: 0, DurationSeconds: 20, SelfDurationSeconds: 20));

        var a = report.Methods.Single(m => m.Method == "A");
        var b = report.Methods.Single(m => m.Method == "B");
        Assert.Equal(120 / JoulesPerKwh, a.CpuEnergyKwh, 15);
        Assert.Equal(80 / JoulesPerKwh, b.CpuEnergyKwh, 15);
        Assert.Equal(22.5 / JoulesPerKwh, a.RamEnergyKwh, 15);
        Assert.Equal(160 / JoulesPerKwh, report.Untracked.CpuEnergyKwh, 15);
        Assert.Equal(a.EmissionsKg / 10, a.EmissionsPerCallKg);

        // Rows add up to the process totals.
        var rows = report.Methods.Append(report.Untracked).ToList();
        Assert.Equal(report.EnergyKwh, rows.Sum(r => r.EnergyKwh), 15);
        Assert.Equal(report.EmissionsKg, rows.Sum(r => r.EmissionsKg), 15);

        // Most emissions first.
        Assert.Equal(["A", "B"], report.Methods.Select(m => m.Method));
    }

    [Fact]
    public void Overlapping_methods_never_get_more_than_the_process_used()
    {
        // Two threads each 10 s inside a tracked method, but the process used only 5 s of CPU (they mostly waited).
        var report = Build(
            new ProcessSample(DurationSeconds: 10, CpuSeconds: 5, WorkingSetGigabytes: 1),
            new MethodSample("Waiting1", 1, 0, 10, 10),
            new MethodSample("Waiting2", 1, 0, 10, 10));

        Assert.Equal(report.CpuEnergyKwh, report.Methods.Sum(m => m.CpuEnergyKwh), 15);
        Assert.Equal(report.RamEnergyKwh, report.Methods.Sum(m => m.RamEnergyKwh), 15);
        Assert.Equal(0, report.Untracked.EnergyKwh, 15);
        Assert.Equal(report.Methods[0].EnergyKwh, report.Methods[1].EnergyKwh, 15);
    }

    [Fact]
    public void A_method_without_calls_has_no_emissions_per_call()
    {
        var report = Build(new ProcessSample(1, 1, 1), new MethodSample("Idle", 0, 0, 0, 0));
        Assert.Equal(0, report.Methods[0].EmissionsPerCallKg);
        Assert.Equal(0, report.Methods[0].EnergyKwh);
    }

    [Fact]
    public void With_sampled_cpu_times_cpu_energy_follows_cpu_and_memory_follows_wall_time()
    {
        // The process used 10 s of CPU over 20 s; the meter says 100 J of CPU and 40 J of memory.
        var energy = new ProcessEnergy(CpuJoules: 100, GpuJoules: 0, RamJoules: 40, "cpu=rapl ram=rapl", IsMeasured: true, "test");
        var report = ReportBuilder.Build(
            [
                new MethodSample("Busy", 1, 0, DurationSeconds: 5, SelfDurationSeconds: 5) { SelfCpuSeconds = 6, InclusiveCpuSeconds = 8 },
                new MethodSample("Waiting", 1, 0, DurationSeconds: 10, SelfDurationSeconds: 10) { SelfCpuSeconds = 0, InclusiveCpuSeconds = 2 },
            ],
            new ProcessSample(DurationSeconds: 20, CpuSeconds: 10, WorkingSetGigabytes: 1),
            "tests",
            Guid.Empty,
            DateTime.Now,
            EmissionFactors.WorldAverage,
            energy);

        var busy = report.Methods.Single(m => m.Method == "Busy");
        var waiting = report.Methods.Single(m => m.Method == "Waiting");
        Assert.Equal(60 / JoulesPerKwh, busy.CpuEnergyKwh, 15);
        Assert.Equal(0, waiting.CpuEnergyKwh, 15);
        Assert.Equal(10 / JoulesPerKwh, busy.RamEnergyKwh, 15);
        Assert.Equal(20 / JoulesPerKwh, waiting.RamEnergyKwh, 15);
        Assert.Equal((80 + 10) / JoulesPerKwh, busy.InclusiveEnergyKwh, 15);
        Assert.Equal(40 / JoulesPerKwh, report.Untracked.CpuEnergyKwh, 15);
        Assert.Equal(report.EnergyKwh, report.Methods.Sum(m => m.EnergyKwh) + report.Untracked.EnergyKwh, 15);
        Assert.True(report.EnergyIsMeasured);
        Assert.Equal("cpu=rapl ram=rapl", report.EnergySource);
    }
}
