using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using CarbonGen.Measurement;
using CarbonGen.Runtime;
using CarbonGen.Runtime.Attribution;
using Xunit;

namespace CarbonGen.Tests.Attribution;

/// <summary>
/// CPU time is charged to the method on top of each thread's shadow stack (self) and to every method on
/// it (inclusive), with real threads doing real work. These tests run on Linux, as CI does: thread CPU
/// times come from procfs.
/// </summary>
[Collection(nameof(CpuSamplingCollection))]
public class MethodCpuSamplerTests
{
    private static readonly MethodCpuSampler Sampler = MethodCpuSampler.Shared;

    private static TrackedMethod NewMethod(string name) =>
        MethodRegistry.Register("Attribution." + name + "." + Guid.NewGuid().ToString("N"), "Attribution", name, null, 0);

    /// <summary>What a generated interceptor does around a call of a tracked async method.</summary>
    private static System.Threading.Tasks.Task CallTracked(TrackedMethod method, Func<System.Threading.Tasks.Task> body, Action? duringCall = null)
    {
        var frame = CarbonRuntime.Enter(method);
        var flow = AsyncFlow.Begin(method);
        duringCall?.Invoke();
        try
        {
            return CarbonAsync.Track(body(), frame);
        }
        finally
        {
            flow.End();
            frame.Exit(completed: true);
        }
    }

    /// <summary>Spins until this thread has used <paramref name="cpu"/> of CPU time (not wall time: the machine may be busy).</summary>
    private static void BurnCpu(TimeSpan cpu)
    {
        var tid = ThreadCpuReader.CurrentThreadId();
        var start = ThreadCpuReader.ReadOnce(tid);
        var target = start + (ulong)(cpu.TotalMilliseconds * 1_000_000);
        var x = 0.0;
        while (ThreadCpuReader.ReadOnce(tid) < target)
        {
            for (var i = 0; i < 10_000; i++)
            {
                x += Math.Sqrt(i);
            }
        }

        GC.KeepAlive(x);
    }

    private static (double Self, double Inclusive) Charged(MethodCpuTimes times, TrackedMethod method) =>
        (times.SelfSeconds[method.Id], times.InclusiveSeconds[method.Id]);

    [Fact]
    public void Thread_cpu_times_are_readable_here()
    {
        Assert.True(Sampler.IsAvailable, "Per-thread CPU times are read from /proc/self/task/<tid>/schedstat; this machine has none.");
    }

    [Fact]
    public void Two_methods_burning_cpu_in_a_3_to_1_ratio_are_charged_3_to_1()
    {
        var heavy = NewMethod("Heavy");
        var light = NewMethod("Light");
        var thread = new Thread(() =>
        {
            // Each method samples before it returns, so the test does not depend on where the
            // background interval happens to fall.
            var frame = CarbonRuntime.Enter(heavy);
            BurnCpu(TimeSpan.FromMilliseconds(300));
            Sampler.Sample();
            frame.Exit(completed: true);

            frame = CarbonRuntime.Enter(light);
            BurnCpu(TimeSpan.FromMilliseconds(100));
            Sampler.Sample();
            frame.Exit(completed: true);
        });
        thread.Start();
        thread.Join();

        var times = Sampler.Snapshot();
        var (heavySelf, _) = Charged(times, heavy);
        var (lightSelf, _) = Charged(times, light);
        Assert.InRange(heavySelf, 0.29, 0.40);
        Assert.InRange(lightSelf, 0.095, 0.14);
        Assert.InRange(heavySelf / lightSelf, 2.4, 3.6);
    }

    [Fact]
    public void A_sleeping_method_gets_almost_no_cpu_while_a_spinning_one_gets_its_share()
    {
        var spinning = NewMethod("Spinning");
        var sleeping = NewMethod("Sleeping");
        var spinner = new Thread(() =>
        {
            var frame = CarbonRuntime.Enter(spinning);
            BurnCpu(TimeSpan.FromMilliseconds(400));
            Sampler.Sample();
            frame.Exit(completed: true);
        });
        var sleeper = new Thread(() =>
        {
            var frame = CarbonRuntime.Enter(sleeping);
            Thread.Sleep(400);
            Sampler.Sample();
            frame.Exit(completed: true);
        });
        spinner.Start();
        sleeper.Start();
        spinner.Join();
        sleeper.Join();

        var times = Sampler.Snapshot();
        Assert.InRange(Charged(times, spinning).Self, 0.39, 0.6);
        Assert.InRange(Charged(times, sleeping).Self, 0, 0.02);
    }

    [Fact]
    public void Nested_calls_are_charged_to_the_inner_method_and_inclusively_to_both()
    {
        var outer = NewMethod("Outer");
        var inner = NewMethod("Inner");
        var thread = new Thread(() =>
        {
            var o = CarbonRuntime.Enter(outer);
            BurnCpu(TimeSpan.FromMilliseconds(100));
            Sampler.Sample();
            var i = CarbonRuntime.Enter(inner);
            BurnCpu(TimeSpan.FromMilliseconds(200));
            Sampler.Sample();
            i.Exit(completed: true);
            o.Exit(completed: true);
        });
        thread.Start();
        thread.Join();

        var times = Sampler.Snapshot();
        var (outerSelf, outerInclusive) = Charged(times, outer);
        var (innerSelf, innerInclusive) = Charged(times, inner);
        Assert.InRange(outerSelf, 0.095, 0.15);
        Assert.InRange(innerSelf, 0.195, 0.26);
        Assert.Equal(innerSelf, innerInclusive, 9);
        Assert.InRange(outerInclusive, outerSelf + innerSelf - 1e-9, outerSelf + innerSelf + 1e-9);
    }

    [Fact]
    public async System.Threading.Tasks.Task Cpu_used_after_an_await_is_charged_to_the_async_method()
    {
        var method = NewMethod("AfterAwait");

        async System.Threading.Tasks.Task Body()
        {
            await System.Threading.Tasks.Task.Yield();
            BurnCpu(TimeSpan.FromMilliseconds(200));
            Sampler.Sample(); // still inside the continuation
        }

        System.Threading.Tasks.Task Call() => CallTracked(method, Body);

        // The very first call flows: nothing is known about the method yet.
        var before = Charged(Sampler.Snapshot(), method);
        await System.Threading.Tasks.Task.Run(Call);
        var first = Charged(Sampler.Snapshot(), method);
        Assert.True(method.HasCompletedAsynchronously);
        Assert.InRange(first.Self - before.Self, 0.19, 0.3);
        Assert.InRange(first.Inclusive - before.Inclusive, 0.19, 0.3);

        // Later calls flow too, from the cached context or (from a new one) because the method is known to go asynchronous.
        await System.Threading.Tasks.Task.Run(Call);
        var second = Charged(Sampler.Snapshot(), method);
        Assert.InRange(second.Self - first.Self, 0.19, 0.3);
        Assert.InRange(second.Inclusive - first.Inclusive, 0.19, 0.3);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_method_that_completed_synchronously_until_now_still_flows_from_the_same_context()
    {
        var method = NewMethod("SyncThenAsync");
        var goAsync = false;

        async System.Threading.Tasks.Task Body()
        {
            if (goAsync)
            {
                await System.Threading.Tasks.Task.Yield();
                BurnCpu(TimeSpan.FromMilliseconds(200));
                Sampler.Sample();
            }
        }

        System.Threading.Tasks.Task Call() => CallTracked(method, Body);

        // All on one dedicated thread, in its own (default) context, as a console app or a worker runs.
        System.Threading.Tasks.Task? pending = null;
        var thread = new Thread(() =>
        {
            for (var i = 0; i < 3; i++)
            {
                Call().GetAwaiter().GetResult();
            }

            goAsync = true;
            pending = Call();
        });
        var before = Charged(Sampler.Snapshot(), method);
        thread.Start();
        thread.Join();
        await pending!;
        var after = Charged(Sampler.Snapshot(), method);

        Assert.InRange(after.Self - before.Self, 0.19, 0.3);
    }

    [Fact]
    public void Flowing_a_method_allocates_nothing_once_its_context_is_cached()
    {
        var method = NewMethod("FlowNoAlloc");
        var flowed = true;
        static System.Threading.Tasks.Task Completed() => System.Threading.Tasks.Task.CompletedTask;

        Func<System.Threading.Tasks.Task> body = Completed;
        Action check = () => flowed &= ThreadAccumulator.Current.AsyncFlow?.Method == method;
        void Call() => CallTracked(method, body, check);

        Call(); // the first call builds the flowing context
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Call();
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(flowed, "every call should have made the method flow");
    }

    [Fact]
    public void Async_locals_a_method_sets_synchronously_stay_set_for_its_caller()
    {
        var method = NewMethod("SetsLocal");
        var local = new AsyncLocal<int>();

        System.Threading.Tasks.Task SetLocal()
        {
            local.Value = 42;
            return System.Threading.Tasks.Task.CompletedTask;
        }

        for (var i = 0; i < 2; i++)
        {
            local.Value = 0;
            _ = CallTracked(method, SetLocal);

            // As untracked: a method that is not `async` changes its caller's async-locals.
            Assert.Equal(42, local.Value);
        }
    }

    /// <summary>
    /// A read that throws (here the test hook, which runs inside the loop) must not end the process from
    /// the sampling thread: one warning, and the thread goes on reading. A sampler of its own, so the
    /// shared one is not touched; it runs in this collection, so no other test's threads are read meanwhile.
    /// </summary>
    [Fact]
    public void A_read_that_throws_is_warned_about_once_and_the_loop_goes_on()
    {
        var warnings = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var hook = new CarbonGen.Tests.Measurement.FailingHook(failures: 3, calls: 6);
        var sampler = new MethodCpuSampler(TimeSpan.FromMilliseconds(1), warn: warnings.Enqueue) { AfterSample = hook.Invoke };

        sampler.EnsureStarted();
        Assert.True(hook.Wait(), "the sampler stopped reading after a fault");
        sampler.Stop();

        Assert.True(sampler.Samples >= 6);
        Assert.True(sampler.Snapshot().IsAvailable);
        var warning = Assert.Single(warnings);
        Assert.Contains("a read of the methods' CPU times failed (InvalidOperationException: fault 1)", warning);
        Assert.Contains("The CPU time charged so far is kept and reads go on every 1 ms", warning);
    }

    [Fact]
    public void Handles_of_ended_threads_are_closed_once_their_counts_are_retired()
    {
        var sampler = new MethodCpuSampler(TimeSpan.FromHours(1));
        var method = NewMethod("Churn");
        using var inside = new Barrier(5);
        using var release = new ManualResetEventSlim();
        var ids = new System.Collections.Concurrent.ConcurrentBag<int>();
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            ids.Add(ThreadCpuReader.CurrentThreadId());
            var frame = CarbonRuntime.Enter(method);
            inside.SignalAndWait();
            release.Wait();
            frame.Exit(completed: true);
        })).ToList();
        threads.ForEach(t => t.Start());
        inside.SignalAndWait();
        sampler.Sample();
        Assert.All(ids, id => Assert.True(sampler.IsFollowing(id), "a running thread should be followed"));
        release.Set();
        threads.ForEach(t => t.Join());

        // A thread that starts tracking retires the ended ones; the next read closes their handles.
        var next = new Thread(() => CarbonRuntime.Enter(method).Exit(completed: true));
        next.Start();
        next.Join();
        sampler.Sample();

        var stillTracked = ThreadAccumulator.All.Select(a => a.ThreadId).ToHashSet();
        Assert.All(ids, id => Assert.True(!sampler.IsFollowing(id) || stillTracked.Contains(id), $"the handle of ended thread {id} is still open"));
    }

    [Fact]
    public void The_background_sampler_charges_long_running_work_without_help()
    {
        Sampler.EnsureStarted();
        var method = NewMethod("Background");
        var before = Sampler.Samples;
        var thread = new Thread(() =>
        {
            var frame = CarbonRuntime.Enter(method);
            BurnCpu(TimeSpan.FromMilliseconds(600));

            // Stay on the stack until the background thread has read at least twice more.
            var until = Sampler.Samples + 2;
            var deadline = Stopwatch.StartNew();
            while (Sampler.Samples < until && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(5);
            }

            frame.Exit(completed: true);
        });
        thread.Start();
        thread.Join();

        Assert.True(Sampler.Samples > before);
        var self = Charged(Sampler.Snapshot(), method).Self;
        Assert.InRange(self, 0.5, 0.8);
    }

    /// <summary>
    /// A sampler of its own, so that the id is known to be its thread's; the collection runs alone, so
    /// its reads take nothing from another test.
    /// </summary>
    [Fact]
    public void The_background_sampler_reports_the_kernel_id_of_its_own_thread()
    {
        var sampler = new MethodCpuSampler(TimeSpan.FromMilliseconds(5));
        Assert.Equal(-1, sampler.ThreadId);
        sampler.EnsureStarted();
        try
        {
            var deadline = Stopwatch.StartNew();
            while (sampler.Samples == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(5);
            }

            var tid = sampler.ThreadId;
            Assert.True(tid > 0, "the loop has run but recorded no thread id");
            Assert.NotEqual(ThreadCpuReader.CurrentThreadId(), tid);

            // The kernel knows the thread by its managed name, cut to 15 bytes.
            var name = System.IO.File.ReadAllText($"/proc/self/task/{tid}/comm").TrimEnd('\n');
            Assert.Equal("CarbonGen method CPU sampler"[..15], name);
            Assert.True(ThreadCpuReader.ReadOnce(tid) > 0);
        }
        finally
        {
            sampler.Stop();
        }
    }
}

[CollectionDefinition(nameof(CpuSamplingCollection), DisableParallelization = true)]
public sealed class CpuSamplingCollection;
