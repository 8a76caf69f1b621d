using System;
using System.Collections.Generic;
using CarbonGen.Intensity;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests;

/// <summary>
/// <see cref="CarbonTracker.GetReport"/> must not throw because a part of the measurement failed. These
/// tests give the report builder an energy sampler that cannot be created, instead of breaking the
/// process-wide one (which would stay broken for every later test).
/// </summary>
public class ReportDegradationTests
{
    [Fact]
    public void Without_an_energy_sampler_the_report_falls_back_to_the_cpu_time_model_with_one_warning()
    {
        var warnings = new List<string>();
        var settings = new CarbonOptions { Country = "FRA", ElectricityMapsToken = "token" };

        // Live intensity is the case that weights the readings by the sampler's energy history. The
        // client is never called here: the timeline below holds the one reading the report uses.
        using var resolver = new IntensityResolver(settings, warnings.Add, new ElectricityMapsClient("http://127.0.0.1:9", "token", TimeSpan.FromSeconds(1)));
        Assert.True(resolver.IsLive);
        var timeline = new IntensityTimeline();
        timeline.Record(DateTimeOffset.Now.AddHours(-1), new IntensityReading(42, IntensityReading.ElectricityMaps, "zone FR"));

        var report = CarbonTracker.BuildReport(
            settings,
            (resolver, timeline),
            () => throw new InvalidOperationException("the sensor plug-in could not be loaded"),
            warnings.Add);

        Assert.Equal(CpuTimePowerModel.Source, report.EnergySource);
        Assert.False(report.EnergyIsMeasured);
        Assert.Equal(42, report.IntensityGramsPerKwh, 9);
        var warning = Assert.Single(warnings);
        Assert.Contains("part of the measurement is unavailable (InvalidOperationException: the sensor plug-in could not be loaded)", warning);
    }
}
