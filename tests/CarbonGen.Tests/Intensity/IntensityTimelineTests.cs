using System;
using CarbonGen.Intensity;
using Xunit;

namespace CarbonGen.Tests.Intensity;

public class IntensityTimelineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_interval_uses_the_intensity_of_its_moment()
    {
        var timeline = new IntensityTimeline();
        timeline.Record(T0, new IntensityReading(100, "electricitymaps", "zone FR"));
        timeline.Record(T0.AddHours(1), new IntensityReading(300, "electricitymaps", "zone FR"));

        // 1 kWh in the first hour and 2 kWh in the second: 100 + 600 g.
        var grams = timeline.EmissionsGrams([(T0, T0.AddHours(1), 1.0), (T0.AddHours(1), T0.AddHours(2), 2.0)]);
        Assert.Equal(700, grams, 9);
    }

    [Fact]
    public void The_average_is_weighted_by_time_and_names_every_source()
    {
        var timeline = new IntensityTimeline();
        timeline.Record(T0, new IntensityReading(100, "electricitymaps", "zone FR"));
        timeline.Record(T0.AddMinutes(30), new IntensityReading(56, "country", "France (FRA), 2023"));

        var average = timeline.AverageGramsPerKwh(T0, T0.AddMinutes(120));
        Assert.Equal((100 * 30 + 56 * 90) / 120.0, average.GramsPerKwh, 9);
        Assert.Equal("electricitymaps+country", average.Source);
    }

    [Fact]
    public void Readings_recorded_out_of_order_are_kept_in_time_order()
    {
        var timeline = new IntensityTimeline();
        timeline.Record(T0.AddHours(1), new IntensityReading(2, "forced", ""));
        timeline.Record(T0, new IntensityReading(1, "forced", ""));
        Assert.Equal(1, timeline.At(T0.AddMinutes(5))!.Value.GramsPerKwh);
        Assert.Equal(2, timeline.At(T0.AddHours(3))!.Value.GramsPerKwh);
    }

    [Fact]
    public void Weighted_by_energy_a_run_busy_while_the_grid_is_dirty_gets_the_dirty_figure()
    {
        var timeline = new IntensityTimeline();
        timeline.Record(T0, new IntensityReading(100, "electricitymaps", "zone FR"));
        timeline.Record(T0.AddHours(1), new IntensityReading(300, "electricitymaps", "zone FR"));

        // 10 J in the clean hour, 90 J in the dirty one (cumulative figures at each sample).
        (DateTimeOffset, double)[] energy = [(T0.AddMinutes(30), 5), (T0.AddHours(1), 10), (T0.AddMinutes(90), 55), (T0.AddHours(2), 100)];
        var weighted = timeline.WeightedByEnergy(energy, T0, T0.AddHours(2));

        Assert.Equal((10 * 100 + 90 * 300) / 100.0, weighted.GramsPerKwh, 9);
        Assert.Equal(200, timeline.AverageGramsPerKwh(T0, T0.AddHours(2)).GramsPerKwh, 9);
        Assert.Equal("electricitymaps", weighted.Source);
    }

    [Fact]
    public void Without_energy_samples_the_time_average_applies()
    {
        var timeline = new IntensityTimeline();
        timeline.Record(T0, new IntensityReading(100, "electricitymaps", "zone FR"));
        timeline.Record(T0.AddHours(1), new IntensityReading(300, "electricitymaps", "zone FR"));
        Assert.Equal(200, timeline.WeightedByEnergy([], T0, T0.AddHours(2)).GramsPerKwh, 9);
    }
}
