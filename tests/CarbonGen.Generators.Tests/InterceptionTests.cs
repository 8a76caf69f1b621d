using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using static CarbonGen.Generators.Tests.CompiledProgram;

namespace CarbonGen.Generators.Tests;

/// <summary>Compiles programs with the generator and runs them: the calls go through the interceptors, and tracking changes nothing the program sees.</summary>
public class InterceptionTests
{
    /// <summary>Each test uses its own namespace, so its counters are its own in the shared runtime.</summary>

    [Fact]
    public void Static_and_instance_calls_are_counted_and_results_unchanged()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public class Counter
            {
                public int Total;
                [Carbon] public int Add(int n) { Total += n; return Total; }
            }
            public static class MathOps
            {
                [Carbon] public static long Square(long x) => x * x;
            }
            public static class Entry
            {
                public static string Run()
                {
                    var c = new Counter();
                    long sum = 0;
                    for (var i = 1; i <= 10; i++) { sum += MathOps.Square(i); c.Add(i); }
                    return sum + "/" + c.Total;
                }
            }
            """);

        Assert.Equal("385/55", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((10, 0), CompiledProgram.Counts(ns + ".MathOps.Square(long)"));
        Assert.Equal((10, 0), CompiledProgram.Counts(ns + ".Counter.Add(int)"));
    }

    [Fact]
    public void Exceptions_propagate_unchanged_and_are_counted_as_failed_calls()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using System;
            using CarbonGen;
            namespace {{ns}};
            public static class Entry
            {
                public static InvalidOperationException? Thrown;
                [Carbon]
                public static void Explode(int i)
                {
                    if (i % 2 == 1) { Thrown = new InvalidOperationException("odd " + i); throw Thrown; }
                }
                public static object Run(int i) { Explode(i); return "ok"; }
            }
            """);

        Assert.Equal("ok", program.Call(ns + ".Entry", "Run", 2));
        var e = Assert.Throws<InvalidOperationException>(() => program.Call(ns + ".Entry", "Run", 3));
        Assert.Equal("odd 3", e.Message);

        // The method is still at the top of the stack trace: the interceptor never catches and rethrows.
        Assert.StartsWith($"   at {ns}.Entry.Explode(Int32 i)", e.StackTrace);
        Assert.Equal((2, 1), CompiledProgram.Counts(ns + ".Entry.Explode(int)"));
    }

    [Fact]
    public void Ref_and_out_arguments_and_virtual_dispatch_behave_as_without_tracking()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using CarbonGen;
            namespace {{ns}};
            public class Animal
            {
                [Carbon] public virtual string Speak() => "...";
            }
            public sealed class Dog : Animal
            {
                public override string Speak() => "woof";
            }
            public static class Entry
            {
                [Carbon]
                public static bool Swap(ref int a, ref int b, out int sum, in int scale)
                {
                    (a, b) = (b, a);
                    sum = (a + b) * scale;
                    return true;
                }
                public static string Run()
                {
                    int x = 1, y = 2;
                    Swap(ref x, ref y, out var sum, 10);
                    Animal pet = new Dog();
                    return $"{x},{y},{sum},{pet.Speak()}";
                }
            }
            """);

        Assert.Equal("2,1,30,woof", program.Call(ns + ".Entry", "Run"));
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Entry.Swap(ref int, ref int, out int, in int)"));
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Animal.Speak()"));
    }

    [Fact]
    public void Shapes_that_cannot_be_intercepted_are_left_alone_and_still_compile()
    {
        var ns = UniqueNamespace();
        var program = Build($$"""
            using System;
            using System.Linq.Expressions;
            using System.Runtime.CompilerServices;
            using System.Threading.Tasks;
            using CarbonGen;
            namespace {{ns}};
            public interface ICounter { [Carbon] int Next(); }
            public interface IFactory { [Carbon] static abstract int Create(); }
            public struct StructCounter : ICounter { public int N; public int Next() => ++N; }
            public sealed class Factory : IFactory { public static int Create() => 5; }
            public readonly struct Later { public TaskAwaiter<int> GetAwaiter() => Task.FromResult(4).GetAwaiter(); }
            public class Base
            {
                [Carbon] public virtual int Value() => 1;
            }
            public class Derived : Base
            {
                public override int Value() => base.Value() + 10;
            }
            public static class Entry
            {
                public static int Fired;
                [Carbon] private static int Secret() => 7;
                [Carbon] public static async void FireAndForget() { Fired++; await Task.CompletedTask; }
                [Carbon] public static Later Custom() => default;
                [Carbon] public static int Square(int x) => x * x;
                static int Generic<T>(ref T counter) where T : ICounter => counter.Next();
                static int Static<T>() where T : IFactory => T.Create();
                public static int Run()
                {
                    Func<int> group = Secret;
                    Expression<Func<int>> tree = () => Square(3);
                    var counter = new StructCounter();
                    FireAndForget();
                    return Secret() + group() + tree.Compile()() + Custom().GetAwaiter().GetResult()
                        + Generic(ref counter) + Generic(ref counter) + counter.N + Static<Factory>() + Fired + new Derived().Value();
                }
            }
            """, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, out var output);

        Assert.Equal(7 + 7 + 9 + 4 + 1 + 2 + 2 + 5 + 1 + 11, program.Call(ns + ".Entry", "Run"));
        var generated = string.Join("\n", output.SyntaxTrees.Skip(1).Select(t => t.ToString()));

        // Only new Derived().Value() is intercepted (an override of a tracked method is tracked);
        // base.Value() inside Derived stays a non-virtual call to Base.Value.
        Assert.Contains("Measures calls to <c>" + ns + ".Derived.Value()</c>", generated);
        foreach (var left in new[] { "Secret", "FireAndForget", "Custom", "Square", "Next", "Create", "Base.Value" })
        {
            Assert.DoesNotContain("Measures calls to <c>" + ns + "." + (left.Contains('.') ? left : "Entry." + left), generated);
        }

        Assert.DoesNotContain("Next()", generated);
        Assert.DoesNotContain("Create()", generated);
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Derived.Value()"));
        Assert.Equal((0, 0), CompiledProgram.Counts(ns + ".Base.Value()"));
    }

    [Fact]
    public void Nothing_is_generated_when_no_tracked_method_is_called()
    {
        var (result, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation([("/src/A.cs", """
            using CarbonGen;
            public static class A
            {
                [Carbon] public static void Tracked() { }
                public static void Untracked() { }
                public static void Run() => Untracked();
            }
            """)]));
        GeneratorHarness.AssertClean(output);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Nothing_is_generated_without_a_reference_to_CarbonGen()
    {
        var compilation = GeneratorHarness.CreateCompilation(
            [("/src/A.cs", "public static class A { public static void Run() => System.Console.WriteLine(); }")],
            references: GeneratorHarness.ReferencesWithoutCarbonGen);
        var (result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertClean(output);
        Assert.Empty(result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void Nothing_is_generated_in_design_time_builds()
    {
        var compilation = GeneratorHarness.CreateCompilation([("/src/A.cs", """
            using CarbonGen;
            public static class A
            {
                [Carbon] public static void Tracked() { }
                public static void Run() => Tracked();
            }
            """)]);
        Assert.Empty(GeneratorHarness.Run(compilation, designTime: true).Result.Results.Single().GeneratedSources);
        Assert.NotEmpty(GeneratorHarness.Run(compilation).Result.Results.Single().GeneratedSources);
    }

    [Fact]
    public void A_method_marked_in_a_referenced_assembly_is_tracked_in_its_consumer()
    {
        var ns = UniqueNamespace();
        var library = GeneratorHarness.CreateCompilation([("/lib/Lib.cs", $$"""
            using CarbonGen;
            namespace {{ns}};
            public static class Lib
            {
                [Carbon] public static int Twice(int x) => 2 * x;
            }
            """)], assemblyName: ns + ".Lib");
        var libraryReference = CompiledProgram.ImageReference(library);

        var consumer = GeneratorHarness.CreateCompilation(
            [("/app/App.cs", $$"""
                namespace {{ns}}.App;
                public static class Entry
                {
                    public static int Run() => global::{{ns}}.Lib.Twice(4) + global::{{ns}}.Lib.Twice(5);
                }
                """)],
            references: GeneratorHarness.References.Add(libraryReference),
            assemblyName: ns + ".App");
        var (result, output) = GeneratorHarness.Run(consumer);
        GeneratorHarness.AssertClean(output);

        var catalog = GeneratorHarness.GeneratedSources(result)["CarbonGen.Catalog.g.cs"];
        Assert.Contains("declared in a referenced assembly", catalog);

        var app = CompiledProgram.Load(output, library);
        Assert.Equal(18, app.Call(ns + ".App.Entry", "Run"));
        Assert.Equal((2, 0), CompiledProgram.Counts(ns + ".Lib.Twice(int)"));
    }
}
