using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CarbonGen.Runtime;
using Xunit;

namespace CarbonGen.Tests;

public class FrameTests
{
    private static TrackedMethod NewMethod(string name) =>
        MethodRegistry.Register("FrameTests." + name + "." + Guid.NewGuid().ToString("N"), "FrameTests", name, null, 0);

    private static Reporting.MethodSample Sample(TrackedMethod method) =>
        CarbonTracker.SampleMethods().Single(s => s.Method == method.DisplayName);

    private static void Spin(TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
        }
    }

    [Fact]
    public void Calls_and_failures_are_counted()
    {
        var method = NewMethod("Counted");
        for (var i = 0; i < 5; i++)
        {
            CarbonRuntime.Enter(method).Exit(completed: i % 2 != 0);
        }

        var sample = Sample(method);
        Assert.Equal(5, sample.Calls);
        Assert.Equal(3, sample.FailedCalls);
    }

    [Fact]
    public void Self_time_excludes_nested_tracked_calls()
    {
        var outer = NewMethod("Outer");
        var inner = NewMethod("Inner");

        var outerFrame = CarbonRuntime.Enter(outer);
        Spin(TimeSpan.FromMilliseconds(20));
        var innerFrame = CarbonRuntime.Enter(inner);
        Spin(TimeSpan.FromMilliseconds(60));
        innerFrame.Exit(completed: true);
        outerFrame.Exit(completed: true);

        var o = Sample(outer);
        var i = Sample(inner);
        Assert.InRange(i.DurationSeconds, 0.060, 10);
        Assert.Equal(i.DurationSeconds, i.SelfDurationSeconds, 9);
        Assert.InRange(o.DurationSeconds, 0.080, 10);
        Assert.Equal(o.DurationSeconds - i.DurationSeconds, o.SelfDurationSeconds, 6);
        Assert.InRange(o.SelfDurationSeconds, 0.020, o.DurationSeconds - 0.060);
    }

    [Fact]
    public void Recursion_counts_every_call_but_inclusive_time_once()
    {
        var method = NewMethod("Recursive");
        var start = Stopwatch.GetTimestamp();
        Recurse(method, depth: 4);
        var wall = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var sample = Sample(method);
        Assert.Equal(5, sample.Calls);
        Assert.InRange(sample.DurationSeconds, 0.050, wall);

        // Self time of all levels adds up to the outermost inclusive time: nothing is counted twice.
        Assert.Equal(sample.DurationSeconds, sample.SelfDurationSeconds, 6);
    }

    private static void Recurse(TrackedMethod method, int depth)
    {
        var frame = CarbonRuntime.Enter(method);
        try
        {
            Spin(TimeSpan.FromMilliseconds(10));
            if (depth > 0)
            {
                Recurse(method, depth - 1);
            }
        }
        finally
        {
            frame.Exit(completed: true);
        }
    }

    [Fact]
    public void Counts_of_threads_that_have_ended_are_kept()
    {
        var method = NewMethod("Threaded");
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                CarbonRuntime.Enter(method).Exit(completed: true);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(4000, Sample(method).Calls);
    }

    [Fact]
    public void A_method_registered_after_a_thread_started_tracking_gets_a_slot()
    {
        var first = NewMethod("First");
        CarbonRuntime.Enter(first).Exit(completed: true);

        // Registering more methods than the thread's accumulator was sized for makes it grow.
        var later = Enumerable.Range(0, 64).Select(i => NewMethod("Later" + i)).ToList();
        var outer = CarbonRuntime.Enter(first);
        foreach (var method in later)
        {
            CarbonRuntime.Enter(method).Exit(completed: true);
        }

        // The interceptors address the counters by pointer: a compacting collection mid-call must not move them.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        outer.Exit(completed: true);

        Assert.Equal(2, Sample(first).Calls);
        Assert.All(later, m => Assert.Equal(1, Sample(m).Calls));
    }

    [Fact]
    public void Counts_of_ended_threads_are_kept_when_their_accumulators_are_let_go()
    {
        var method = NewMethod("ShortLived");
        var ended = new System.Collections.Concurrent.ConcurrentBag<ThreadAccumulator>();
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 10; i++)
            {
                CarbonRuntime.Enter(method).Exit(completed: i % 2 == 0);
            }

            ended.Add(ThreadAccumulator.Current);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // A thread that starts tracking folds the ended ones into the retired counts.
        var next = new Thread(() => CarbonRuntime.Enter(method).Exit(completed: true));
        next.Start();
        next.Join();

        Assert.DoesNotContain(ThreadAccumulator.All, ended.Contains);
        var sample = Sample(method);
        Assert.Equal(81, sample.Calls);
        Assert.Equal(40, sample.FailedCalls);
    }

    [Fact]
    public void The_same_display_name_registers_once()
    {
        var name = "FrameTests.Shared." + Guid.NewGuid().ToString("N");
        var a = MethodRegistry.Register(name, "FrameTests", "Shared", "A.cs", 1);
        var b = MethodRegistry.Register(name, "FrameTests", "Shared", "B.cs", 2);
        Assert.Same(a, b);
    }

    [Fact]
    public void Entering_and_exiting_allocates_nothing()
    {
        var method = NewMethod("NoAlloc");
        CarbonRuntime.Enter(method).Exit(completed: true); // first call on this thread may create its accumulator

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            var frame = CarbonRuntime.Enter(method);
            frame.Exit(completed: true);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
