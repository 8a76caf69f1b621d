using System;
using System.Collections.Generic;
using System.Linq;

namespace CarbonGen.Intensity;

/// <summary>
/// The intensity of each moment of a run, as a step function: each reading holds until the next one.
/// A long run under live data thus uses the intensity of each interval. Energy figures are combined
/// with it by <see cref="EmissionsGrams"/> (energy per interval) or, when only a total is known, by
/// <see cref="AverageGramsPerKwh"/> (energy spread evenly over the time).
/// </summary>
public sealed class IntensityTimeline
{
    private readonly List<(DateTimeOffset At, IntensityReading Reading)> _points = [];

    /// <summary>Records the intensity in effect from <paramref name="at"/> on.</summary>
    public void Record(DateTimeOffset at, IntensityReading reading)
    {
        lock (_points)
        {
            var index = _points.FindLastIndex(p => p.At <= at) + 1;
            _points.Insert(index, (at, reading));
        }
    }

    /// <summary>The readings recorded so far, oldest first.</summary>
    public IReadOnlyList<(DateTimeOffset At, IntensityReading Reading)> Points
    {
        get
        {
            lock (_points)
            {
                return _points.ToList();
            }
        }
    }

    /// <summary>The reading in effect at <paramref name="moment"/> (the first one before the first point).</summary>
    public IntensityReading? At(DateTimeOffset moment)
    {
        lock (_points)
        {
            if (_points.Count == 0)
            {
                return null;
            }

            var index = _points.FindLastIndex(p => p.At <= moment);
            return _points[Math.Max(0, index)].Reading;
        }
    }

    /// <summary>CO2eq of energy used in intervals, g: each interval's kWh times the intensity in effect at its midpoint.</summary>
    public double EmissionsGrams(IEnumerable<(DateTimeOffset Start, DateTimeOffset End, double Kwh)> intervals)
    {
        double grams = 0;
        foreach (var (start, end, kwh) in intervals)
        {
            var middle = start + TimeSpan.FromTicks((end - start).Ticks / 2);
            grams += kwh * (At(middle)?.GramsPerKwh ?? IntensityData.WorldAverageGramsPerKwh);
        }

        return grams;
    }

    /// <summary>
    /// The time-weighted mean intensity over [<paramref name="start"/>, <paramref name="end"/>], and the
    /// source(s) it came from (<c>electricitymaps</c>, or <c>electricitymaps+country</c> when live data
    /// failed for part of the run).
    /// </summary>
    public IntensityReading AverageGramsPerKwh(DateTimeOffset start, DateTimeOffset end)
    {
        var points = Points;
        if (points.Count == 0)
        {
            return new IntensityReading(IntensityData.WorldAverageGramsPerKwh, IntensityReading.WorldAverage, "IEA 2019");
        }

        if (end <= start)
        {
            return At(end) ?? points[0].Reading;
        }

        double weighted = 0, seconds = 0;
        var sources = new List<string>();
        var details = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var from = i == 0 ? start : Max(start, points[i].At);
            var to = i + 1 < points.Count ? Min(end, points[i + 1].At) : end;
            if (to <= from)
            {
                continue;
            }

            var s = (to - from).TotalSeconds;
            weighted += points[i].Reading.GramsPerKwh * s;
            seconds += s;
            if (!sources.Contains(points[i].Reading.Source))
            {
                sources.Add(points[i].Reading.Source);
                details.Add(points[i].Reading.Detail);
            }
        }

        if (seconds <= 0)
        {
            return At(end) ?? points[0].Reading;
        }

        return new IntensityReading(weighted / seconds, string.Join("+", sources), string.Join("; ", details));
    }

    /// <summary>
    /// The intensity of the run weighted by the energy of each interval between two energy samples
    /// (Σ E·I / Σ E): a run idle while the grid was clean and busy while it was dirty gets the dirty
    /// figure. Falls back to <see cref="AverageGramsPerKwh"/> when no energy was sampled.
    /// </summary>
    /// <param name="energy">Cumulative energy (any unit) at each sample, in time order.</param>
    /// <param name="start">Start of the run.</param>
    /// <param name="end">End of the run.</param>
    public IntensityReading WeightedByEnergy(IReadOnlyList<(DateTimeOffset At, double Energy)> energy, DateTimeOffset start, DateTimeOffset end)
    {
        var average = AverageGramsPerKwh(start, end);
        double weighted = 0, total = 0;
        var previous = (At: start, Energy: 0.0);
        foreach (var sample in energy)
        {
            var used = sample.Energy - previous.Energy;
            if (used > 0 && sample.At > previous.At)
            {
                weighted += used * (At(previous.At + TimeSpan.FromTicks((sample.At - previous.At).Ticks / 2))?.GramsPerKwh ?? average.GramsPerKwh);
                total += used;
            }

            previous = sample;
        }

        return total > 0 ? average with { GramsPerKwh = weighted / total } : average;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
