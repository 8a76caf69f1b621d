using System;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>Reads a set of cumulative energy counters (RAPL or hwmon files, µJ) and sums what they measured.</summary>
internal static class CounterReading
{
    /// <summary>
    /// Reads every counter, advances its track and sums the joules of all tracks. A counter that fails,
    /// jumps implausibly or goes backwards twice makes the whole set fail (the reason is returned); a
    /// single backwards step is a reset (never negative energy) and costs one warning.
    /// </summary>
    /// <param name="files">The counter files.</param>
    /// <param name="tracks">One track per file: wraparound, resets, joules so far.</param>
    /// <param name="now">Seconds on the sampler's clock.</param>
    /// <param name="warn">Receives the reset warning.</param>
    /// <param name="resetNote">Words added to the reset warning after "went backwards (from a to b µJ)".</param>
    /// <param name="joules">The sum of all tracks, when the read succeeds.</param>
    /// <returns><see langword="null"/> on success, else why the set cannot be trusted.</returns>
    internal static string? TryReadAll(
        CounterFile[] files, CounterTrack[] tracks, double now, Action<string> warn, Func<CounterTrack, string> resetNote, out double joules)
    {
        joules = 0;
        for (var i = 0; i < files.Length; i++)
        {
            if (!files[i].TryRead(out var raw, out var error))
            {
                return error!;
            }

            ref var track = ref tracks[i];
            var previous = track.Last;
            switch (track.Advance(raw, now))
            {
                case CounterStep.Implausible:
                    return string.Create(
                        CultureInfo.InvariantCulture,
                        $"{files[i].Path} jumped from {previous} to {raw} µJ, more than {CounterTrack.MaxPlausibleWatts} W could use: not an energy reading");
                case CounterStep.Reset when track.Resets > 1:
                    return string.Create(
                        CultureInfo.InvariantCulture,
                        $"{files[i].Path} went backwards again (from {previous} to {raw} µJ) and cannot be trusted");
                case CounterStep.Reset:
                    warn(string.Create(
                        CultureInfo.InvariantCulture,
                        $"CarbonGen: warning: {files[i].Path} went backwards (from {previous} to {raw} µJ){resetNote(track)}: counted as a counter reset, no energy is subtracted."));
                    break;
            }
        }

        for (var i = 0; i < tracks.Length; i++)
        {
            joules += tracks[i].Joules;
        }

        return null;
    }
}
