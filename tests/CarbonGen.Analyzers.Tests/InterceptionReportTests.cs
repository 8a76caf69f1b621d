using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CarbonGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>CARBON005: one report per project, counted with the generator's own rules.</summary>
public class InterceptionReportTests
{
    /// <summary>Many shapes of call to tracked methods, in two files; some the generator intercepts today, some it leaves alone.</summary>
    private static readonly (string Path, string Source)[] Fixture =
    [
        ("/Library.cs", """
            using System.Collections;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using CarbonGen;

            namespace Shop;

            public static class Pricing
            {
                [Carbon] public static decimal Total(decimal net) => net * 1.2m;
                [Carbon] public static T Echo<T>(T value) => value;
                [Carbon] public static int Length(this string text) => text.Length;
                [Carbon] public static Task<int> LoadAsync() => Task.FromResult(1);
                [Carbon] private static int Secret() => 7;
                public static int UseSecret() => Secret() + Secret();
            }

            public struct Point
            {
                [Carbon] public int Sum() => 3;
            }

            public class Animal
            {
                [Carbon] public virtual string Sound() => "...";
            }

            public class Dog : Animal
            {
                public override string Sound() => base.Sound() + "woof";
            }

            public sealed class Basket : IEnumerable<int>
            {
                private readonly List<int> _items = new();
                [Carbon] public void Add(int item) => _items.Add(item);
                public IEnumerator<int> GetEnumerator() => _items.GetEnumerator();
                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }
            """),
        ("/Checkout.cs", """
            using System;
            using System.Linq.Expressions;
            using System.Threading.Tasks;

            namespace Shop;

            public static class Checkout
            {
                public static async Task<decimal> Run(Animal animal, Point point)
                {
                    var total = Pricing.Total(10m) + Pricing.Total(5m);
                    var echo = Pricing.Echo(3) + "x".Length() + point.Sum() + await Pricing.LoadAsync();
                    var sound = animal.Sound() + new Dog().Sound();
                    var basket = new Basket { 1, 2, 3 };
                    Func<decimal, decimal> group = Pricing.Total;
                    Expression<Func<decimal>> tree = () => Pricing.Total(1m);
                    return total + echo + sound.Length + group(1m) + tree.Compile()();
                }
            }
            """),
    ];

    /// <summary>Implicit calls in the fixture: the collection initializer's three Add calls.</summary>
    private const int ImplicitCalls = 3;

    [Fact]
    public async Task The_report_counts_every_call_site_with_the_generators_rules()
    {
        var compilation = Compile(Fixture, TestReferences.All);

        // Expected figures, computed independently: every invocation written in the fixture, asked of the generator's rules.
        var carbon = compilation.GetTypeByMetadataName(KnownNames.CarbonAttributeMetadataName)!;
        var reasons = new List<string?>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var invocation in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method && Tracking.IsTracked(method, carbon, compilation, out _))
                {
                    reasons.Add(Interceptability.Check(invocation, method, model));
                }
            }
        }

        reasons.AddRange(Enumerable.Repeat<string?>(UninterceptedUseAnalyzer.ImplicitCallReason, ImplicitCalls));
        var total = reasons.Count;
        var intercepted = reasons.Count(r => r is null);
        var skipped = reasons.Where(r => r is not null).GroupBy(r => r!)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => g.Count() + " " + g.Key)
            .ToList();
        var expected = skipped.Count == 0
            ? $"{intercepted} of {total} call sites to tracked methods intercepted (0 skipped)"
            : $"{intercepted} of {total} call sites to tracked methods intercepted ({total - intercepted} skipped: {string.Join(", ", skipped)}); each skipped call is reported as CARBON003";

        // 10 written calls to tracked methods (Total x2 + one in an expression tree, Echo, Length, Sum, LoadAsync,
        // Sound x2 + base.Sound) plus 3 implicit ones. Secret is private: generated code cannot call it, so its mark
        // tracks nothing (CARBON002 reports the mark) and its two calls are not calls to a tracked method.
        Assert.Equal(10 + ImplicitCalls, total);
        Assert.Contains(UninterceptedUseAnalyzer.ExpressionTreeReason, reasons);

        var diagnostics = await compilation.WithAnalyzers([new UninterceptedUseAnalyzer()]).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var report = Assert.Single(diagnostics, d => d.Id == Descriptors.InterceptionReportId);
        var actual = report.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(expected == actual, $"Expected: {expected}\nActual:   {actual}");
        Assert.Equal(Location.None, report.Location);

        // One CARBON003 per skipped call, plus the method group conversion.
        Assert.Equal(total - intercepted + 1, diagnostics.Count(d => d.Id == Descriptors.UninterceptedUseId));
    }

    [Fact]
    public async Task Calls_in_user_files_marked_auto_generated_are_counted_but_never_warned_about()
    {
        (string Path, string Source)[] files =
        [
            ("/Library.cs", """
                using CarbonGen;

                namespace Shop;

                public static class Library
                {
                    [Carbon] public static int Work(int x) => x;
                    public static int Run() => Work(1);
                }
                """),

            // A user file with a generated-code header (a designer file, a tool's output checked in):
            // the CarbonGen generator sees it and intercepts its calls like any other.
            ("/Proxy.cs", """
                // <auto-generated/>
                using System;
                using System.Linq.Expressions;

                namespace Shop;

                public static class Proxy
                {
                    public static int Call() => Library.Work(2);
                    public static Expression<Func<int>> Tree() => () => Library.Work(3);
                    public static Func<int, int> Group() => Library.Work;
                }
                """),

            // The shape of CarbonGen's own output: its forwarding calls are not call sites of the user's.
            ("/Interceptors.g.cs", """
                // <auto-generated/>
                namespace Shop.Generated;

                [global::System.CodeDom.Compiler.GeneratedCode("CarbonGen", null)]
                file static class CarbonInterceptors
                {
                    public static int Work_0(int x) => global::Shop.Library.Work(x);
                }
                """),
        ];
        var compilation = Compile(files, TestReferences.All);

        var diagnostics = await compilation.WithAnalyzers([new UninterceptedUseAnalyzer()]).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var report = Assert.Single(diagnostics, d => d.Id == Descriptors.InterceptionReportId);
        var expected = "2 of 3 call sites to tracked methods intercepted (1 skipped: 1 " + UninterceptedUseAnalyzer.ExpressionTreeReason +
                       "); each skipped call outside generated code is reported as CARBON003";
        var actual = report.GetMessage(CultureInfo.InvariantCulture);
        Assert.True(expected == actual, $"Expected: {expected}\nActual:   {actual}");
        Assert.Empty(diagnostics.Where(d => d.Id == Descriptors.UninterceptedUseId).Select(d => d.ToString()));
    }

    [Fact]
    public Task A_project_without_calls_to_tracked_methods_gets_no_report() =>
        Verify.Run<UninterceptedUseAnalyzer>("""
            using CarbonGen;
            public static class Unused
            {
                [Carbon] public static int Work() => 1;
            }
            """);

    [Fact]
    public async Task A_project_without_CarbonGen_gets_no_report()
    {
        var test = new AnalyzerTest<UninterceptedUseAnalyzer>("""
            public static class Plain
            {
                public static int Work() => 1;
                public static int Run() => Work();
            }
            """);
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.WithoutCarbonGen);
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_report_has_no_location_so_a_global_config_sets_its_severity() =>
        new AnalyzerTest<UninterceptedUseAnalyzer>("""
            using CarbonGen;
            public static class Once
            {
                [Carbon] public static int Work() => 1;
                public static int Run() => Work();
            }
            """,
            new DiagnosticResult(Descriptors.InterceptionReport).WithSeverity(DiagnosticSeverity.Warning)
                .WithMessage("1 of 1 call sites to tracked methods intercepted (0 skipped)"))
            .WithGlobalConfig("dotnet_diagnostic.CARBON005.severity = warning")
            .RunAsync(CancellationToken.None);

    private static CSharpCompilation Compile((string Path, string Source)[] files, ImmutableArray<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            "Fixture",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, new CSharpParseOptions(LanguageVersion.Latest), f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        return compilation;
    }
}
