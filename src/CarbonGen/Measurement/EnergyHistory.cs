using System;
using System.Collections.Generic;

namespace CarbonGen.Measurement;

/// <summary>
/// The machine's cumulative energy at each energy sample, in time order, kept within a fixed number of
/// points however long the process runs: what weights a changing carbon intensity by the energy of each
/// interval (<see cref="Intensity.IntensityTimeline.WeightedByEnergy"/>).
/// </summary>
/// <remarks>
/// <para>Each point holds a cumulative figure, so dropping a point merges the two intervals on either
/// side of it into one whose energy is exactly the sum of theirs: the total, and every point kept, stay
/// exact; only the time resolution coarsens.</para>
/// <para>When the points exceed <see cref="Capacity"/>, one pass drops every point whose two neighbouring
/// intervals together span no more than 4 / <see cref="Capacity"/> of the history, which leaves at most
/// <see cref="Capacity"/> / 2 + 2 points. Resolution thus stays even over the whole run, rather than the
/// oldest part collapsing into one interval: until the history first fills (8.5 hours at the default
/// capacity and 15 s) every sample is kept; after that no interval spans more than a sample interval or
/// 1/512 of the run, whichever is longer. The first and the last point are always kept. A pass costs
/// O(<see cref="Capacity"/>) once every <see cref="Capacity"/> / 2 samples or so, nothing in between.</para>
/// <para>Not thread-safe: the sampler adds and copies under its own lock.</para>
/// </remarks>
internal sealed class EnergyHistory
{
    /// <summary>Points kept before a compaction: about 8.5 hours at the default 15 s without any loss.</summary>
    internal const int DefaultCapacity = 2048;

    private readonly List<(DateTimeOffset At, double Energy)> _points = [];

    /// <param name="capacity">The most points kept; at least 8.</param>
    internal EnergyHistory(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 8);
        Capacity = capacity;
    }

    /// <summary>The most points kept.</summary>
    internal int Capacity { get; }

    /// <summary>Points kept now.</summary>
    internal int Count => _points.Count;

    /// <summary>Compactions so far (for tests and diagnostics).</summary>
    internal int Compactions { get; private set; }

    /// <summary>Appends the cumulative energy at <paramref name="at"/>; compacts when the points exceed <see cref="Capacity"/>.</summary>
    internal void Add(DateTimeOffset at, double cumulativeEnergy)
    {
        _points.Add((at, cumulativeEnergy));
        if (_points.Count > Capacity)
        {
            Compact();
        }
    }

    /// <summary>A copy of the points, oldest first.</summary>
    internal (DateTimeOffset At, double Energy)[] ToArray() => _points.ToArray();

    private void Compact()
    {
        Compactions++;
        var last = _points.Count - 1;
        var limit = TimeSpan.FromTicks((_points[last].At - _points[0].At).Ticks / (Capacity / 4));

        // Point i goes when the interval it would leave (from the last point kept to point i + 1) spans no
        // more than the limit. Every two adjacent intervals left then span more than it together, so at
        // most Capacity / 2 + 1 intervals remain.
        var kept = 1;
        for (var i = 1; i < last; i++)
        {
            if (_points[i + 1].At - _points[kept - 1].At > limit)
            {
                _points[kept++] = _points[i];
            }
        }

        _points[kept++] = _points[last];
        _points.RemoveRange(kept, _points.Count - kept);

        // A clock set back can leave spans negative and the pass short; halve by plain pairs then.
        while (_points.Count > Capacity / 2 + 2)
        {
            DropEveryOtherPoint();
        }
    }

    private void DropEveryOtherPoint()
    {
        var last = _points.Count - 1;
        var kept = 1;
        for (var i = 2; i < last; i += 2)
        {
            _points[kept++] = _points[i];
        }

        _points[kept++] = _points[last];
        _points.RemoveRange(kept, _points.Count - kept);
    }
}
