using System;
using System.Threading.Tasks;
using static CarbonGen.Generators.Tests.CompiledProgram;

namespace CarbonGen.Generators.Tests;

/// <summary>Asynchronous and deferred work is measured until it is done, not until the call returns.</summary>
public class AsyncAndIteratorTests
{
    private const string Awaitables = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using CarbonGen;
        namespace NS;
        public static class Io
        {
            [Carbon] public static async Task WaitAsync(int ms) => await Task.Delay(ms);
            [Carbon] public static async Task<int> ValueAsync(int ms) { await Task.Delay(ms); return ms; }
            [Carbon] public static async ValueTask SlowValueTaskAsync(int ms) => await Task.Delay(ms);
            [Carbon] public static ValueTask<int> CachedAsync(int x) => new(x * 2);
            [Carbon] public static async Task<int> FaultAsync() { await Task.Yield(); throw new InvalidOperationException("boom"); }
            [Carbon] public static Task<int> ThrowsBeforeTask() => throw new ArgumentException("sync");
            [Carbon] public static async Task CancelAsync(CancellationToken token) => await Task.Delay(10_000, token);

            public static async Task<string> Run()
            {
                await WaitAsync(30);
                var v = await ValueAsync(20);
                await SlowValueTaskAsync(20);
                var c = await CachedAsync(21);
                string fault, sync, canceled;
                try { await FaultAsync(); fault = "none"; } catch (InvalidOperationException e) { fault = e.Message; }
                try { await ThrowsBeforeTask(); sync = "none"; } catch (ArgumentException e) { sync = e.Message; }
                using var cts = new CancellationTokenSource(20);
                try { await CancelAsync(cts.Token); canceled = "no"; } catch (OperationCanceledException) { canceled = "yes"; }
                return $"{v},{c},{fault},{sync},{canceled}";
            }

            public static long AllocatedBySynchronousCompletions()
            {
                for (var i = 0; i < 100; i++) CachedAsync(i);
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 10_000; i++) CachedAsync(i);
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        """;

    [Fact]
    public async Task Tasks_and_value_tasks_are_measured_until_completion_with_faults_and_cancellations_counted_separately()
    {
        var ns = UniqueNamespace();
        var program = Build(Awaitables.Replace("namespace NS;", "namespace " + ns + ";"));

        var result = await (Task<string>)program.Call(ns + ".Io", "Run")!;
        Assert.Equal("20,42,boom,sync,yes", result);

        var wait = Row(ns + ".Io.WaitAsync(int)")!;
        Assert.Equal(1, wait.Calls);
        Assert.InRange(wait.DurationSeconds, 0.025, 30);

        // The synchronous part (until the task is returned) is tiny; the rest of the time is the await.
        Assert.True(wait.SelfDurationSeconds < wait.DurationSeconds);
        Assert.InRange(Row(ns + ".Io.ValueAsync(int)")!.DurationSeconds, 0.015, 30);
        Assert.InRange(Row(ns + ".Io.SlowValueTaskAsync(int)")!.DurationSeconds, 0.015, 30);
        Assert.Equal((1, 1), Counts(ns + ".Io.FaultAsync()"));
        Assert.Equal((1, 1), Counts(ns + ".Io.ThrowsBeforeTask()"));

        var cancel = Row(ns + ".Io.CancelAsync(System.Threading.CancellationToken)")!;
        Assert.Equal((1, 0, 1), (cancel.Calls, cancel.FailedCalls, cancel.CanceledCalls));
    }

    [Fact]
    public void A_value_task_that_completes_synchronously_allocates_nothing()
    {
        var ns = UniqueNamespace();
        var program = Build(Awaitables.Replace("namespace NS;", "namespace " + ns + ";"));

        Assert.Equal(0L, program.Call(ns + ".Io", "AllocatedBySynchronousCompletions"));
        Assert.Equal((10_100, 0), Counts(ns + ".Io.CachedAsync(int)"));
    }

    [Fact]
    public async Task Iterators_are_measured_while_they_are_enumerated()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using System;
            using System.Collections;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Linq;
            using System.Threading.Tasks;
            using CarbonGen;
            namespace {{ns}};
            public static class Seq
            {
                static void Spin(int ms) { var sw = Stopwatch.StartNew(); while (sw.ElapsedMilliseconds < ms) { } }
                [Carbon] public static IEnumerable<int> Slow(int n) { for (var i = 0; i < n; i++) { Spin(10); yield return i; } }
                [Carbon] public static IEnumerator<int> Enumerator() { yield return 1; yield return 2; }
                [Carbon] public static IEnumerable Untyped() { yield return "a"; }
                [Carbon] public static IEnumerable<int> Broken() { yield return 1; throw new InvalidOperationException("broken"); }
                [Carbon] public static IEnumerable<int> NotAnIterator() => new List<int> { 1, 2 };
                [Carbon] public static async IAsyncEnumerable<int> Stream(int n) { for (var i = 0; i < n; i++) { await Task.Delay(10); yield return i; } }

                public static string Run()
                {
                    var slow = Slow(3);
                    var sum = slow.Sum();
                    var e = Enumerator();
                    var count = 0;
                    while (e.MoveNext()) count++;
                    var untyped = Untyped().Cast<string>().Single();
                    string broken;
                    try { broken = Broken().Count().ToString(); } catch (InvalidOperationException ex) { broken = ex.Message; }
                    var list = NotAnIterator();
                    return $"{sum},{count},{untyped},{broken},{list is List<int>}";
                }

                public static async Task<int> RunAsync()
                {
                    var total = 0;
                    await foreach (var i in Stream(3)) total += i;
                    return total;
                }
            }
            """);

        Assert.Equal("3,2,a,broken,True", program.Call(ns + ".Seq", "Run"));
        Assert.Equal(3, await (Task<int>)program.Call(ns + ".Seq", "RunAsync")!);

        var slow = Row(ns + ".Seq.Slow(int)")!;
        Assert.Equal(1, slow.Calls);
        Assert.InRange(slow.DurationSeconds, 0.028, 30);
        Assert.InRange(slow.SelfDurationSeconds, 0.028, 30);
        Assert.Equal((1, 0), Counts(ns + ".Seq.Enumerator()"));
        Assert.Equal((1, 0), Counts(ns + ".Seq.Untyped()"));
        Assert.Equal((1, 1), Counts(ns + ".Seq.Broken()"));
        Assert.Equal((1, 0), Counts(ns + ".Seq.NotAnIterator()"));

        var stream = Row(ns + ".Seq.Stream(int)")!;
        Assert.Equal(1, stream.Calls);
        Assert.InRange(stream.DurationSeconds, 0.025, 30);
    }
}
