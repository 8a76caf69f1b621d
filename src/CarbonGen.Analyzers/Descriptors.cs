using Microsoft.CodeAnalysis;

namespace CarbonGen.Analyzers;

/// <summary>Every CarbonGen rule. Each links to its section of the README (anchor = the ID in lower case).</summary>
internal static class Descriptors
{
    public const string HotLoopId = "CARBON001";
    public const string MisplacedCarbonId = "CARBON002";
    public const string UninterceptedUseId = "CARBON003";
    public const string TrivialTrackedMethodId = "CARBON004";
    public const string InterceptionReportId = "CARBON005";

    private const string HelpBase = "https://github.com/carbongen/carbongen#";

    /// <summary>{0}: method, {1}: why the loop is likely hot.</summary>
    public static readonly DiagnosticDescriptor HotLoop = new(
        HotLoopId,
        "Likely hot loop in an untracked method",
        "'{0}' is not tracked but {1}: add [Carbon] to the method or its type to measure its energy",
        "CarbonGen.Coverage",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A loop that is likely to run hot (nested loops, a large constant trip count, an unbounded loop doing work, Parallel.For/ForEach, PLINQ, or calls to tracked methods in a loop) in a method that no [Carbon] covers: its cost ends up in the '(untracked)' row.",
        helpLinkUri: HelpBase + "carbon001");

    /// <summary>{0}: what carries the attribute, {1}: why it cannot work, {2}: what to do.</summary>
    public static readonly DiagnosticDescriptor MisplacedCarbon = new(
        MisplacedCarbonId,
        "[Carbon] cannot work here",
        "[Carbon] on {0} has no effect: {1}; {2}",
        "CarbonGen.Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "CarbonGen intercepts calls written as method calls. Local functions, lambdas, accessors, operators, finalizers, explicit interface implementations and partial methods without an implementation are never called that way, calls to an async void method are never intercepted (callers cannot await it: return Task instead), and generated code cannot call a private or protected method.",
        helpLinkUri: HelpBase + "carbon002");

    /// <summary>{0}: method, {1}: the use, {2}: reason, {3}: what to do.</summary>
    public static readonly DiagnosticDescriptor UninterceptedUse = new(
        UninterceptedUseId,
        "Tracked method used where interception cannot happen",
        "Tracked method '{0}' is not measured in this {1} ({2}): {3}",
        "CarbonGen.Usage",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Interceptors replace call sites. A method group turned into a delegate, a call inside an expression tree, or a call the generator cannot intercept runs without being measured.",
        helpLinkUri: HelpBase + "carbon003");

    /// <summary>{0}: method.</summary>
    public static readonly DiagnosticDescriptor TrivialTrackedMethod = new(
        TrivialTrackedMethodId,
        "Tracking costs more than the method's work",
        "'{0}' does almost nothing (no calls, no loops): measuring it costs more than it does; remove [Carbon] and track its callers instead",
        "CarbonGen.Performance",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Each tracked call reads the clock twice and updates counters: tens of nanoseconds. A method that only returns a field or a small expression costs less than that, so its figures are mostly measurement overhead.",
        helpLinkUri: HelpBase + "carbon004");

    /// <summary>{0}: intercepted, {1}: call sites, {2}: skipped, {3}: ": reasons" or empty, {4}: advice or empty.</summary>
    public static readonly DiagnosticDescriptor InterceptionReport = new(
        InterceptionReportId,
        "Interception report",
        "{0} of {1} call sites to tracked methods intercepted ({2} skipped{3}){4}",
        "CarbonGen.Coverage",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "One per project: how many calls to tracked methods the generator intercepts, and why it leaves the others alone.",
        helpLinkUri: HelpBase + "carbon005",
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
