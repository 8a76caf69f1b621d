using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace CarbonGen.Benchmarks;

/// <summary>
/// Tracking an asynchronous method that completes synchronously must allocate nothing more than the
/// method itself: the interceptor records the outcome at once and returns the same task.
/// </summary>
[Config(typeof(MicroBenchmarkConfig))]
public class AsyncOverheadBenchmarks
{
    [Benchmark(Baseline = true, Description = "Task, untracked, completes synchronously")]
    public Task UntrackedTask() => Completed.Untracked();

    [Benchmark(Description = "Task, [Carbon], completes synchronously")]
    public Task TrackedTask() => Completed.Tracked();

    [Benchmark(Description = "ValueTask<int>, [Carbon], completes synchronously")]
    public ValueTask<int> TrackedValueTask() => Completed.TrackedValue(42);
}

internal static class Completed
{
    public static Task Untracked() => Task.CompletedTask;

    [Carbon]
    public static Task Tracked() => Task.CompletedTask;

    [Carbon]
    public static ValueTask<int> TrackedValue(int x) => new(x);
}
