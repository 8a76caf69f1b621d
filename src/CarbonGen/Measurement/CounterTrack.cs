namespace CarbonGen.Measurement;

/// <summary>What one reading of a cumulative counter meant.</summary>
internal enum CounterStep
{
    /// <summary>The counter moved forward by a plausible amount.</summary>
    Advanced = 0,

    /// <summary>The counter went past its maximum and started again from 0; the energy across the wrap was counted.</summary>
    Wrapped = 1,

    /// <summary>The counter went backwards and that cannot be a wrap (range unknown, or the wrap would mean an impossible power): it was reset. Energy since the reset is counted when plausible, never a negative figure.</summary>
    Reset = 2,

    /// <summary>The counter jumped forward by more energy than any component can use in the time elapsed: the reading is garbage and was not counted.</summary>
    Implausible = 3,
}

/// <summary>
/// Turns successive raw readings of one cumulative energy counter into joules: wraparound with the
/// counter's range, resets, and garbage jumps. Pure arithmetic, so every case is tested directly.
/// </summary>
internal struct CounterTrack
{
    /// <summary>No CPU package, DIMM set or GPU draws this much; a reading implying more is not energy.</summary>
    internal const double MaxPlausibleWatts = 5000;

    /// <summary>Slack added to the elapsed time in the plausibility check: counters update every ms to 100 ms, and two reads can be close together.</summary>
    internal const double SlackSeconds = 1.0;

    private ulong _last;
    private double _lastTime;

    /// <param name="first">The reading at the start.</param>
    /// <param name="now">When it was taken.</param>
    /// <param name="joulesPerUnit">1e-6 for µJ counters, 1e-3 for NVML's mJ.</param>
    /// <param name="maxRange">The counter's largest value before it wraps to 0 (<c>max_energy_range_uj</c>); 0 when unknown.</param>
    internal CounterTrack(ulong first, double now, double joulesPerUnit, ulong maxRange)
    {
        _last = first;
        _lastTime = now;
        JoulesPerUnit = joulesPerUnit;
        MaxRange = maxRange;
        Joules = 0;
        Resets = 0;
    }

    internal double JoulesPerUnit { get; }

    internal ulong MaxRange { get; }

    /// <summary>Joules counted since the start.</summary>
    internal double Joules { get; private set; }

    /// <summary>How many resets were seen.</summary>
    internal int Resets { get; private set; }

    internal readonly ulong Last => _last;

    internal CounterStep Advance(ulong raw, double now)
    {
        var elapsed = now > _lastTime ? now - _lastTime : 0;
        var limit = MaxPlausibleWatts * (elapsed + SlackSeconds) / JoulesPerUnit;
        CounterStep step;
        double counted;
        if (raw >= _last)
        {
            var delta = raw - _last;
            if (delta > limit)
            {
                return CounterStep.Implausible;
            }

            step = CounterStep.Advanced;
            counted = delta;
        }
        else if (MaxRange > 0 && _last <= MaxRange && (double)(MaxRange - _last) + raw <= limit)
        {
            step = CounterStep.Wrapped;
            counted = (double)(MaxRange - _last) + raw;
        }
        else
        {
            // A reset: what the counter shows now is what was used since it restarted from 0.
            step = CounterStep.Reset;
            counted = raw <= limit ? raw : 0;
            Resets++;
        }

        Joules += counted * JoulesPerUnit;
        _last = raw;
        _lastTime = now;
        return step;
    }
}
