using System;
using System.Threading;
using System.Threading.Tasks;
using CarbonGen.Configuration;

namespace CarbonGen.Intensity;

/// <summary>
/// The process's intensity: resolved off the call path when the run starts (that is when the
/// world-average warning appears), then, under live data only, sampled every sampling interval into
/// a <see cref="IntensityTimeline"/>. Any failure falls back to the world average with a warning:
/// tracking never breaks the application.
/// </summary>
internal static class IntensitySampler
{
    private static readonly object s_gate = new();
    private static Task<(IntensityResolver Resolver, IntensityTimeline Timeline)>? s_state;
    private static Timer? s_timer;
    private static int s_generation;

    /// <summary>Starts resolving in the background (at the first tracked call).</summary>
    internal static void Start()
    {
        lock (s_gate)
        {
            s_state ??= Begin();
        }
    }

    /// <summary>Forgets the state (after <c>CarbonTracker.Configure</c>); the next report resolves again.</summary>
    internal static void Reset()
    {
        lock (s_gate)
        {
            // An initialisation still running belongs to the old settings: it must not install its timer.
            s_generation++;
            s_timer?.Dispose();
            s_timer = null;
            if (s_state is { IsCompletedSuccessfully: true } done)
            {
                done.Result.Resolver.Dispose();
            }

            s_state = null;
        }
    }

    /// <summary>The resolver and timeline; resolves now if the run has not started it.</summary>
    internal static (IntensityResolver Resolver, IntensityTimeline Timeline) Current
    {
        get
        {
            Task<(IntensityResolver, IntensityTimeline)> state;
            lock (s_gate)
            {
                state = s_state ??= Begin();
            }

            return state.GetAwaiter().GetResult();
        }
    }

    /// <summary>Starts an initialisation for the current generation of settings (call under the lock).</summary>
    private static Task<(IntensityResolver, IntensityTimeline)> Begin()
    {
        var generation = s_generation;
        return Task.Run(() => Initialize(generation));
    }

    private static (IntensityResolver, IntensityTimeline) Initialize(int generation)
    {
        var timeline = new IntensityTimeline();
        IntensityResolver resolver;
        try
        {
            var options = CurrentSettings.Resolved;
            resolver = new IntensityResolver(options);
            timeline.Record(DateTimeOffset.Now, resolver.At(DateTimeOffset.Now));
            if (resolver.IsLive)
            {
                var period = TimeSpan.FromSeconds(options.SamplingIntervalSeconds);
                lock (s_gate)
                {
                    if (generation == s_generation)
                    {
                        s_timer = new Timer(_ => Sample(resolver, timeline), null, period, period);
                    }
                }
            }
        }
        catch (Exception e)
        {
            CarbonLog.Warn($"CarbonGen: warning: the carbon intensity could not be resolved ({e.GetType().Name}: {e.Message}); the world average of {IntensityData.WorldAverageGramsPerKwh} g CO2eq/kWh applies.");
            resolver = new IntensityResolver(new CarbonOptions(), static _ => { });
            timeline.Record(DateTimeOffset.Now, new IntensityReading(IntensityData.WorldAverageGramsPerKwh, IntensityReading.WorldAverage, "fallback"));
        }

        return (resolver, timeline);
    }

    private static void Sample(IntensityResolver resolver, IntensityTimeline timeline)
    {
        try
        {
            var now = DateTimeOffset.Now;
            timeline.Record(now, resolver.At(now));
        }
        catch (Exception e)
        {
            CarbonLog.Warn($"CarbonGen: warning: a live intensity sample failed ({e.GetType().Name}); the last value is kept.");
        }
    }
}
