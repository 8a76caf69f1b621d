using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace CarbonGen.Analyzers.Tests;

/// <summary>CARBON003: uses of tracked methods that run unmeasured.</summary>
public class UninterceptedUseTests
{
    private const string Lambda = "call it in a lambda instead, e.g. (x) => M(x), so the call inside is intercepted";
    private const string NotMethodGroups = "interceptors replace calls, not method groups";
    private const string ExpressionTree = "inside an expression tree";
    private const string ExpressionTreeAdvice = "call it outside the expression, or accept that the expression is not measured";

    private static DiagnosticResult Use(int location, string method, string use, string reason, string advice) =>
        Verify.Diagnostic(Descriptors.UninterceptedUse, location).WithArguments(method, use, reason, advice);

    private static DiagnosticResult Report(string text) =>
        new DiagnosticResult(Descriptors.InterceptionReport).WithMessage(text);

    private static Task Run(string source, params DiagnosticResult[] expected) => Verify.Run<UninterceptedUseAnalyzer>(source, expected);

    [Fact]
    public Task Method_groups_and_delegate_creation_are_reported() => Run("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using CarbonGen;

        public static class Work
        {
            [Carbon] public static int Twice(int x) => x * 2;
            [Carbon] public static void Log(string message) { }
            [Carbon] public static bool TryRead(string text, out int value) => int.TryParse(text, out value);
        }

        public static class Uses
        {
            public static int Run(List<int> items)
            {
                Func<int, int> group = {|#0:Work.Twice|};
                var created = new Action<string>({|#1:Work.Log|});
                var sum = items.Select({|#2:Work.Twice|}).Sum();
                var parse = new TryParse({|#3:Work.TryRead|});
                return group(1) + sum;
            }

            private delegate bool TryParse(string text, out int value);
        }
        """,
        Use(0, "Work.Twice(int)", "method group conversion", NotMethodGroups, Lambda),
        Use(1, "Work.Log(string)", "delegate creation", NotMethodGroups, Lambda),
        Use(2, "Work.Twice(int)", "method group conversion", NotMethodGroups, Lambda),
        Use(3, "Work.TryRead(string, out int)", "delegate creation", NotMethodGroups, "call it from a lambda or a method instead, so the call is intercepted"));

    [Fact]
    public Task Calls_written_as_calls_and_other_uses_of_untracked_methods_are_not_reported() => Run("""
        using System;
        using CarbonGen;

        public static class Work
        {
            [Carbon] public static int Twice(int x) => x * 2;
            [Carbon(Track = false)] public static int Off(int x) => x;
            public static int Plain(int x) => x;
        }

        public static class Uses
        {
            public static int Run()
            {
                Func<int, int> a = Work.Plain;
                Func<int, int> b = Work.Off;
                Func<int, int> c = x => Work.Twice(x);
                var name = nameof(Work.Twice);
                return Work.Twice(1) + a(1) + b(1) + c(1) + name.Length;
            }
        }
        """,
        Report("2 of 2 call sites to tracked methods intercepted (0 skipped)"));

    [Fact]
    public Task Implicit_calls_are_reported_with_the_reason() => Run("""
        using System.Collections;
        using System.Collections.Generic;
        using CarbonGen;

        public sealed class Bag : IEnumerable<int>
        {
            private readonly List<int> _items = new();

            [Carbon] public void Add(int item) => _items.Add(item);

            public IEnumerator<int> GetEnumerator() => _items.GetEnumerator();

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        public static class Uses
        {
            public static Bag Make() => new Bag { {|#0:1|}, {|#1:2|} };
        }
        """,
        Use(0, "Bag.Add(int)", "implicit call", "implicit call", "call it explicitly, or track the method that contains this code"),
        Use(1, "Bag.Add(int)", "implicit call", "implicit call", "call it explicitly, or track the method that contains this code"),
        Report("0 of 2 call sites to tracked methods intercepted (2 skipped: 2 implicit call); each skipped call is reported as CARBON003"));

    [Fact]
    public Task Calls_inside_expression_trees_are_reported_and_calls_outside_them_are_not() => Run("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Linq.Expressions;
        using CarbonGen;

        public static class Work
        {
            [Carbon] public static int Twice(int x) => x * 2;
        }

        public static class Uses
        {
            public static int Run(IQueryable<int> query, List<int> items)
            {
                Expression<Func<int>> constant = () => {|#0:Work.Twice(1)|};
                Expression<Func<int, int>> parameter = x => {|#1:Work.Twice(x)|} + 1;
                var filtered = query.Where(x => {|#2:Work.Twice(x)|} > 2);
                Expression<Func<IEnumerable<int>, int>> nested = s => s.Sum(x => {|#3:Work.Twice(x)|});

                // Not in a tree: a delegate lambda, and a value computed first and captured by the tree.
                Func<int, int> compiled = x => Work.Twice(x);
                var value = Work.Twice(3);
                Expression<Func<int>> captured = () => value;
                return constant.Compile()() + parameter.Compile()(1) + filtered.Count() + nested.Compile()(items)
                    + compiled(1) + captured.Compile()();
            }
        }
        """,
        Use(0, "Work.Twice(int)", "call", ExpressionTree, ExpressionTreeAdvice),
        Use(1, "Work.Twice(int)", "call", ExpressionTree, ExpressionTreeAdvice),
        Use(2, "Work.Twice(int)", "call", ExpressionTree, ExpressionTreeAdvice),
        Use(3, "Work.Twice(int)", "call", ExpressionTree, ExpressionTreeAdvice),
        Report("2 of 6 call sites to tracked methods intercepted (4 skipped: 4 inside an expression tree); each skipped call is reported as CARBON003"));

    [Fact]
    public void The_expression_tree_reason_is_the_generators_own()
    {
        // AdviceFor matches the generator's reason text; if Interceptability.Check rewords it, the advice must follow.
        var reason = GeneratorReason("""
            using System;
            using System.Linq.Expressions;
            using CarbonGen;
            public static class Work
            {
                [Carbon] public static int Twice(int x) => x * 2;
                public static Expression<Func<int, int>> Tree() => x => Twice(x);
            }
            """);
        Assert.Equal(UninterceptedUseAnalyzer.ExpressionTreeReason, reason);
    }

    [Fact]
    public Task Calls_the_generator_refuses_are_reported_with_its_reason()
    {
        // The analyzer repeats the generator's reason word for word.
        var reason = GeneratorReason("""
            using CarbonGen;
            public class Animal { [Carbon] public virtual string Sound() => "..."; }
            public class Dog : Animal { public override string Sound() => base.Sound(); }
            """);
        Assert.Equal("base call", reason);
        return Run("""
            using CarbonGen;
            public class Animal { [Carbon] public virtual string Sound() => "..."; }
            public class Dog : Animal { public override string Sound() => {|#0:base.Sound()|}; }
            """,
            Use(0, "Animal.Sound()", "call", "base call", "the generator leaves this shape alone for now; track the method that contains this call to measure it"),
            Report("0 of 1 call sites to tracked methods intercepted (1 skipped: 1 base call); each skipped call is reported as CARBON003"));
    }

    [Fact]
    public Task Private_and_protected_methods_are_not_tracked_so_their_calls_are_not_reported() => Run("""
        using CarbonGen;

        [Carbon]
        public class Service
        {
            public int Run() => Helper() + Shielded() + Hidden();

            // The type mark covers only what generated code can call: Run.
            private int Helper() => 1;
            protected int Shielded() => 2;

            // A mark on a private method does nothing; CARBON002 reports it on the declaration, not here at each call.
            [Carbon] private int Hidden() => 3;
        }

        public static class Caller
        {
            public static int Use() => new Service().Run();
        }
        """,
        Report("1 of 1 call sites to tracked methods intercepted (0 skipped)"));

    [Fact]
    public Task An_assembly_mark_does_not_cover_private_methods() => Run("""
        using CarbonGen;
        [assembly: Carbon]

        public static class Work
        {
            public static int Run() => Helper() + Helper();
            private static int Helper() => 1;
        }

        public static class Caller
        {
            public static int Use() => Work.Run();
        }
        """,
        Report("1 of 1 call sites to tracked methods intercepted (0 skipped)"));

    [Fact]
    public Task Calls_to_marks_CARBON002_reports_are_not_reported_again_at_each_call() => Run("""
        using System.Threading.Tasks;
        using CarbonGen;

        public class Handlers
        {
            [Carbon] public async void Fire() => await Task.Yield();

            public int Run()
            {
                Fire();
                Fire();
                return Local();

                [Carbon] static int Local() => 1;
            }
        }
        """,
        Report("0 of 3 call sites to tracked methods intercepted (3 skipped: 2 async void method, 1 not an ordinary method); each skipped call is reported as CARBON003, or its mark as CARBON002"));

    [Fact]
    public Task An_async_void_method_is_not_covered_by_its_types_mark_so_its_calls_raise_nothing() => Run("""
        using System.Threading.Tasks;
        using CarbonGen;

        [Carbon]
        public class Handlers
        {
            public async void Fire() => await Task.Yield();
        }

        public static class Caller
        {
            public static void Run() => new Handlers().Fire();
        }
        """);

    /// <summary>Asks the generator's own rule (linked into the analyzers) about the only call in <paramref name="source"/>.</summary>
    internal static string? GeneratorReason(string source)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Probe", [tree], TestReferences.All, new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var invocation = System.Linq.Enumerable.Single(tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax>());
        var method = (Microsoft.CodeAnalysis.IMethodSymbol)compilation.GetSemanticModel(tree).GetSymbolInfo(invocation).Symbol!;
        return CarbonGen.Generators.Interceptability.Check(invocation, method, compilation.GetSemanticModel(tree));
    }
}
