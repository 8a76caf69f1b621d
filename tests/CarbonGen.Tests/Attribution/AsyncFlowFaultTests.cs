using System;
using System.Collections.Concurrent;
using CarbonGen.Measurement;
using CarbonGen.Runtime;
using Xunit;

namespace CarbonGen.Tests.Attribution;

/// <summary>
/// The async-local change handler runs inside the runtime's execution-context switches, where an
/// exception ends the process (FailFast). Recording a thread's flow must therefore never throw.
/// </summary>
public class AsyncFlowFaultTests
{
    [Fact]
    public void A_flow_that_cannot_be_recorded_is_warned_about_once_and_nothing_is_thrown()
    {
        var warned = new OnceFlag();

        AsyncFlow.Record<FailingTarget>(null, warned);
        AsyncFlow.Record<FailingTarget>(null, warned);

        Assert.Equal(2, FailingTarget.Calls);
        var warning = Assert.Single(FailingTarget.Warnings);
        Assert.Contains("a thread's async flow could not be recorded (InvalidOperationException: no accumulator)", warning);
        Assert.Contains("further failures are not reported", warning);
    }

    [Fact]
    public void Even_a_warning_that_fails_leaves_the_handler_without_an_exception()
    {
        var warned = new OnceFlag();
        AsyncFlow.Record<FailingTargetThatCannotWarn>(null, warned);
        Assert.True(warned.IsSet);
    }

    /// <summary>A thread whose accumulator cannot be had (as when creating it runs out of memory).</summary>
    private readonly struct FailingTarget : IAsyncFlowTarget
    {
        private static int s_calls;

        internal static ConcurrentQueue<string> Warnings { get; } = new();

        internal static int Calls => s_calls;

        public static void Set(AsyncFlowNode? flow)
        {
            System.Threading.Interlocked.Increment(ref s_calls);
            throw new InvalidOperationException("no accumulator");
        }

        public static void Warn(string message) => Warnings.Enqueue(message);
    }

    private readonly struct FailingTargetThatCannotWarn : IAsyncFlowTarget
    {
        public static void Set(AsyncFlowNode? flow) => throw new InvalidOperationException("no accumulator");

        public static void Warn(string message) => throw new OutOfMemoryException();
    }
}
