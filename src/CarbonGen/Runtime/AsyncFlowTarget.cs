namespace CarbonGen.Runtime;

/// <summary>
/// Where <see cref="AsyncFlow"/> records, for the thread it runs on, which tracked async method that thread
/// now works for. A seam with static members only, so that the real target costs a direct call (the JIT
/// specialises the generic code for each struct) while a test can put in a target that fails.
/// </summary>
internal interface IAsyncFlowTarget
{
    /// <summary>Records <paramref name="flow"/> as the current thread's flow; may throw (it may allocate and read procfs).</summary>
    static abstract void Set(AsyncFlowNode? flow);

    /// <summary>Reports a problem to people; must not throw.</summary>
    static abstract void Warn(string message);
}

/// <summary>The real target: the current thread's <see cref="ThreadAccumulator"/>, warnings to <see cref="Configuration.CarbonLog"/>.</summary>
internal readonly struct ThreadAccumulatorFlowTarget : IAsyncFlowTarget
{
    /// <inheritdoc />
    public static void Set(AsyncFlowNode? flow) => ThreadAccumulator.Current.AsyncFlow = flow;

    /// <inheritdoc />
    public static void Warn(string message) => Configuration.CarbonLog.Warn(message);
}
