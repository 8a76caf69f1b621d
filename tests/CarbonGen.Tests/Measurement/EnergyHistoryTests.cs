using System;
using System.Collections.Generic;
using System.Linq;
using CarbonGen.Intensity;
using CarbonGen.Measurement;
using Xunit;

namespace CarbonGen.Tests.Measurement;

/// <summary>
/// The energy history stays within its capacity however long the run, keeps the total and every point it
/// keeps exact, and coarsens its time resolution evenly, so the energy-weighted intensity barely moves.
/// </summary>
public class EnergyHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A service's cumulative energy at 15 s samples: power swings with the hour of day and jitters with
    /// each sample (a fixed generator, so every run sees the same figures).
    /// </summary>
    private static List<(DateTimeOffset At, double Energy)> Run(int samples)
    {
        var random = new Random(7);
        var points = new List<(DateTimeOffset, double)>(samples);
        var energy = 0.0;
        for (var i = 1; i <= samples; i++)
        {
            var at = T0 + (i * Step);
            var watts = 60 + (40 * Math.Sin(at.TimeOfDay.TotalHours / 24 * 2 * Math.PI)) + (20 * random.NextDouble());
            energy += watts * Step.TotalSeconds;
            points.Add((at, energy));
        }

        return points;
    }

    private static EnergyHistory Fill(IEnumerable<(DateTimeOffset At, double Energy)> points, int capacity = EnergyHistory.DefaultCapacity)
    {
        var history = new EnergyHistory(capacity);
        foreach (var (at, energy) in points)
        {
            history.Add(at, energy);
            Assert.True(history.Count <= capacity, $"{history.Count} points kept, capacity {capacity}");
        }

        return history;
    }

    [Fact]
    public void Until_it_fills_every_sample_is_kept()
    {
        var points = Run(EnergyHistory.DefaultCapacity);
        var history = Fill(points);

        Assert.Equal(points, history.ToArray());
        Assert.Equal(0, history.Compactions);
    }

    [Fact]
    public void After_100_000_samples_it_is_bounded_and_the_total_and_every_point_kept_are_exact()
    {
        var points = Run(100_000);
        var history = Fill(points);
        var kept = history.ToArray();

        Assert.True(history.Compactions > 1);
        Assert.InRange(kept.Length, EnergyHistory.DefaultCapacity / 4, EnergyHistory.DefaultCapacity);
        Assert.Equal(points[0], kept[0]);
        Assert.Equal(points[^1], kept[^1]);

        // Kept points are original samples, unchanged and in order: merged intervals sum their energy exactly.
        var original = points.ToDictionary(p => p.At, p => p.Energy);
        Assert.All(kept, p => Assert.Equal(original[p.At], p.Energy));
        Assert.True(kept.Zip(kept.Skip(1)).All(pair => pair.First.At < pair.Second.At));
        var used = kept.Zip(kept.Skip(1)).Sum(pair => pair.Second.Energy - pair.First.Energy) + kept[0].Energy;
        Assert.Equal(points[^1].Energy, used, 6);
    }

    [Fact]
    public void Resolution_coarsens_evenly_over_the_whole_run()
    {
        var points = Run(100_000);
        var kept = Fill(points).ToArray();
        var run = kept[^1].At - kept[0].At;
        var spans = kept.Zip(kept.Skip(1)).Select(pair => pair.Second.At - pair.First.At).ToArray();

        // No interval longer than a sample or 1/512 of the run, the oldest included.
        var longest = TimeSpan.FromTicks(Math.Max(Step.Ticks, run.Ticks / (EnergyHistory.DefaultCapacity / 4)));
        Assert.All(spans, span => Assert.True(span <= longest, $"an interval of {span} (longest allowed {longest})"));
        Assert.True(spans[0] <= longest && spans[^1] <= longest);
    }

    /// <summary>
    /// Hourly intensities over 17 days of 15 s samples: weighting by the compacted history (intervals of
    /// up to about 48 min) moves the result by well under 1 % from weighting by every sample.
    /// </summary>
    [Fact]
    public void The_energy_weighted_intensity_barely_changes()
    {
        var points = Run(100_000);
        var timeline = new IntensityTimeline();
        var random = new Random(11);
        for (var at = T0; at <= points[^1].At; at = at.AddHours(1))
        {
            timeline.Record(at, new IntensityReading(100 + (400 * random.NextDouble()), "electricitymaps", "zone test"));
        }

        var end = points[^1].At;
        var exact = timeline.WeightedByEnergy(points, T0, end).GramsPerKwh;
        var compacted = timeline.WeightedByEnergy(Fill(points).ToArray(), T0, end).GramsPerKwh;

        Assert.Equal(exact, compacted, exact * 0.01);
    }

    [Fact]
    public void A_clock_set_back_cannot_make_it_grow()
    {
        var history = new EnergyHistory(64);
        for (var i = 0; i < 10_000; i++)
        {
            // Time runs backwards from the second point on.
            history.Add(T0 - (i * Step), i);
            Assert.True(history.Count <= 64);
        }

        var kept = history.ToArray();
        Assert.Equal(0, kept[0].Energy);
        Assert.Equal(9_999, kept[^1].Energy);
    }

    [Fact]
    public void A_capacity_below_8_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnergyHistory(7));
}
