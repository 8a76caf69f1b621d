using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using BenchmarkDotNet.Attributes;
using CarbonGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CarbonGen.Benchmarks;

/// <summary>
/// The cost of every CarbonGen analyzer (each <see cref="DiagnosticAnalyzer"/> in CarbonGen.Analyzers.dll,
/// found by reflection so a new rule is measured without a change here) on the same 2,000-file,
/// 20,000-call-site compilation as <see cref="GeneratorBenchmarks"/>, against the compiler's own time to
/// compile it. Every benchmark starts from a fresh compilation, since a compilation caches what it has bound.
/// </summary>
/// <remarks>
/// Options: <c>concurrentAnalysis: true</c>, as in <c>dotnet build</c> and the IDE (every analyzer calls
/// <c>EnableConcurrentExecution</c>, and the emit baseline compiles concurrently too, the compiler's default);
/// no <c>.editorconfig</c> (empty <see cref="AnalyzerOptions"/>: the rules' default thresholds and severities);
/// no execution-time logging and no suppressed diagnostics, which would only add bookkeeping. The cost per rule
/// comes from one separate run with <c>logAnalyzerExecutionTime: true</c> in <see cref="Setup"/>, printed to the
/// console. One file in ten has loops (<see cref="SyntheticSolution.Trees"/>), so the hot-loop rule's loop code runs.
/// <see cref="CompilationWithAnalyzers"/> binds every method body itself (it drives a copy of the compilation
/// with an event queue), so the analyzer figure includes binding that a real build shares with emit; the
/// "bind only" row is that part, for subtraction.
/// </remarks>
[Config(typeof(MacroBenchmarkConfig))]
public class AnalyzerBenchmarks
{
    private static readonly AnalyzerOptions NoEditorConfig = new(ImmutableArray<AdditionalText>.Empty);

    private static readonly CompilationWithAnalyzersOptions Options = new(
        NoEditorConfig,
        onAnalyzerException: null,
        concurrentAnalysis: true,
        logAnalyzerExecutionTime: false,
        reportSuppressedDiagnostics: false);

    private SyntaxTree[] _trees = [];
    private MetadataReference _carbonGen = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [GlobalSetup]
    public void Setup()
    {
        _trees = SyntheticSolution.Trees(loops: true);
        _carbonGen = MetadataReference.CreateFromFile(typeof(CarbonAttribute).Assembly.Location);
        _analyzers = typeof(UninterceptedUseAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t, nonPublic: true)!)
            .ToImmutableArray();

        // Proof that the analyzers ran on this compilation, not just loaded: CARBON005 counts every tracked call
        // (one per file; the synthetic calls are all interceptable).
        var report = RunAnalyzers().SingleOrDefault(d => d.Id == "CARBON005")
            ?? throw new InvalidOperationException("CARBON005 was not reported: the analyzers did not see CarbonGen.");
        Console.WriteLine($"// {_analyzers.Length} analyzers ({string.Join(", ", _analyzers.Select(a => a.GetType().Name))}); " +
            report.GetMessage(CultureInfo.InvariantCulture));

        // The in-process toolchain runs all three benchmarks in one process, so whichever runs first would also pay
        // for Roslyn's tiered JIT (its first iterations took 3x as long as the last without this): warm every path.
        for (var round = 0; round < 3; round++)
        {
            Compile();
            Bind();
            Analyzers();
        }

        PrintCostPerAnalyzer();
    }

    /// <summary>One run with execution-time logging (after the warm-up): each analyzer's own time, summed over its callbacks.</summary>
    private void PrintCostPerAnalyzer()
    {
        var timed = Fresh().WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
            NoEditorConfig,
            onAnalyzerException: null,
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        var diagnostics = timed.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine("// Execution time per analyzer (one run, logAnalyzerExecutionTime: true; " +
            string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + g.Key)) + "):");
        foreach (var analyzer in _analyzers)
        {
            var telemetry = timed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"//   {analyzer.GetType().Name,-32} {telemetry.ExecutionTime.TotalMilliseconds,9:F1} ms"));
        }
    }

    private CSharpCompilation Fresh() => SyntheticSolution.Compilation(_trees).AddReferences(_carbonGen);

    private ImmutableArray<Diagnostic> RunAnalyzers() =>
        Fresh().WithAnalyzers(_analyzers, Options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "compiler: emit, no analyzers")]
    public bool Compile()
    {
        using var stream = new System.IO.MemoryStream();
        return Fresh().Emit(stream).Success;
    }

    [Benchmark(Description = "compiler: bind only (GetDiagnostics)")]
    public int Bind() => Fresh().GetDiagnostics().Length;

    [Benchmark(Description = "all CarbonGen analyzers")]
    public int Analyzers() => RunAnalyzers().Length;
}
