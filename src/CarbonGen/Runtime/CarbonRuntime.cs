using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using CarbonGen.Configuration;
using CarbonGen.Intensity;
using CarbonGen.Reporting;

namespace CarbonGen.Runtime;

/// <summary>
/// Entry points of the generated interceptors, and the process-exit hook that writes the reports.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CarbonRuntime
{
    private static int s_started;
    private static int s_reported;

    /// <summary>Opens a frame for one call of <paramref name="method"/> on the current thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CarbonFrame Enter(TrackedMethod method) => Open(method.Id, countsCall: true);

    /// <summary>Opens a frame for one more step of a call already counted (an iterator's <c>MoveNext</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static CarbonFrame EnterStep(TrackedMethod method) => Open(method.Id, countsCall: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe CarbonFrame Open(int id, bool countsCall)
    {
        var counters = ThreadAccumulator.For(id);
        ref var slot = ref counters->Slots[id];
        slot.Depth++;
        if (countsCall)
        {
            // Counted on entry, next to the depth: the exit then touches only the times.
            slot.Calls++;
        }

        var depth = counters->StackDepth;
        if ((uint)depth < ThreadAccumulator.StackCapacity)
        {
            counters->Stack[depth] = id;
        }

        // Release: a sampler that reads the new depth also reads the id just pushed (free on x64).
        Volatile.Write(ref counters->StackDepth, depth + 1);
        var saved = counters->ChildTicks;
        counters->ChildTicks = 0;
        return new CarbonFrame(counters, id, saved, Stopwatch.GetTimestamp());
    }

    /// <summary>Starts the run clock and hooks process exit, once per process.</summary>
    internal static void EnsureStarted()
    {
        if (Interlocked.Exchange(ref s_started, 1) != 0)
        {
            return;
        }

        // This runs inside the static initialiser of a generated catalog: an exception here would break
        // every tracked call, so each part that can fail is started on its own and only warns.
        RunClock.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ReportAtExit();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => ReportAtExit();
        RunGuarded("the carbon intensity", IntensitySampler.Start);
        RunGuarded("the energy sampler", static () => Measurement.EnergySampler.Shared.EnsureStarted());
        RunGuarded("the method CPU sampler", static () => Attribution.MethodCpuSampler.Shared.EnsureStarted());
    }

    /// <summary>
    /// Starts or stops one part, warning instead of throwing. A part that could not be created fails
    /// again at exit with the same exception, so the warning does not say which step failed: the log
    /// (which drops repeated messages) then shows it once.
    /// </summary>
    private static void RunGuarded(string what, Action step)
    {
        try
        {
            step();
        }
        catch (Exception e)
        {
            CarbonLog.Warn($"CarbonGen: warning: {what} is unavailable ({e.GetType().Name}: {e.Message}); calls are still counted and timed, and the reports say what is missing.");
        }
    }

    /// <summary>Writes the reports once; later calls (exit after an unhandled exception) do nothing.</summary>
    internal static void ReportAtExit()
    {
        if (Interlocked.Exchange(ref s_reported, 1) != 0)
        {
            return;
        }

        // Last samples first, so that the figures cover the run up to now. Each sampler on its own: one
        // that cannot stop (it could not even be created) must not cost the report the other's figures.
        RunGuarded("the method CPU sampler", static () => Attribution.MethodCpuSampler.Shared.Stop());
        RunGuarded("the energy sampler", static () => Measurement.EnergySampler.Shared.Stop());
        try
        {
            ReportWriter.WriteAll(CarbonTracker.GetReport(), CarbonTracker.Settings, Console.Error);
        }
        catch (Exception e)
        {
            // Tracking must never break the application, not even at exit.
            CarbonLog.Warn($"CarbonGen: warning: the reports could not be produced ({e.GetType().Name}: {e.Message}).");
        }
    }
}
