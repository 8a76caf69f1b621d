using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CarbonGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CarbonGen.Generators.Tests;

/// <summary>The generator's pipeline caches: an edit redoes only the work it has to.</summary>
public class IncrementalityTests
{
    private const string Library = """
        using CarbonGen;
        namespace Inc;
        public static class Lib
        {
            [Carbon] public static int A(int x) => x;
            [Carbon] public static int B(int x) => x;
        }
        """;

    private const string First = """
        namespace Inc;
        public static class First { public static int Run() => Lib.A(1) + Lib.B(2); }
        """;

    private const string Second = """
        namespace Inc;
        public static class Second { public static int Run() => Lib.A(3); }
        """;

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) RunOnce()
    {
        var compilation = GeneratorHarness.CreateCompilation([("/src/Lib.cs", Library), ("/src/First.cs", First), ("/src/Second.cs", Second)]);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step]
            .SelectMany(s => s.Outputs)
            .Select(o => o.Reason)
            .ToList();

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (driver, compilation) = RunOnce();
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Inc; public static class Unrelated { public static int X() => 42; }", GeneratorHarness.ParseOptions, "/src/Unrelated.cs"));

        driver = driver.RunGenerators(edited);

        foreach (var step in new[] { InterceptorGenerator.Steps.CallSites, InterceptorGenerator.Steps.AllCallSites, InterceptorGenerator.Steps.Files, InterceptorGenerator.Steps.Catalog })
        {
            Assert.All(Reasons(driver, step), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }
    }

    [Fact]
    public void Editing_a_file_with_calls_modifies_only_that_file_and_leaves_the_catalog_unchanged()
    {
        var (driver, compilation) = RunOnce();
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Second.cs");
        var edited = compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("\n\n" + Second)));

        driver = driver.RunGenerators(edited);

        var files = driver.GetRunResult().Results.Single().TrackedSteps[InterceptorGenerator.Steps.Files]
            .SelectMany(s => s.Outputs)
            .Select(o => (((FileInterceptorsModel)o.Value).FileName, o.Reason))
            .ToList();
        Assert.Contains(("Second.cs", IncrementalStepRunReason.Modified), files);
        Assert.Contains(("First.cs", IncrementalStepRunReason.Unchanged), files);
        Assert.Equal(2, files.Count);
        Assert.All(Reasons(driver, InterceptorGenerator.Steps.Catalog), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void Calling_a_new_tracked_method_changes_the_catalog()
    {
        var (driver, compilation) = RunOnce();
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Second.cs");
        var edited = compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Second.Replace("Lib.A(3)", "Lib.B(3)"))));

        driver = driver.RunGenerators(edited);
        Assert.All(Reasons(driver, InterceptorGenerator.Steps.Catalog), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));

        var withNew = compilation.ReplaceSyntaxTree(old, old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Second.Replace("Lib.A(3)", "Lib.A(3) + Extra.C()") + "\npublic static class Extra { [CarbonGen.Carbon] public static int C() => 0; }")));
        driver = RunOnce().Driver.RunGenerators(withNew);
        Assert.All(Reasons(driver, InterceptorGenerator.Steps.Catalog), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbol_syntax_location_or_compilation()
    {
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };
        var modelTypes = typeof(CallSiteModel).Assembly.GetTypes().Where(t => t.Namespace == typeof(CallSiteModel).Namespace && !t.IsGenericTypeDefinition).ToList();
        Assert.Contains(typeof(TargetMethodModel), modelTypes);

        var seen = new HashSet<Type>();
        foreach (var type in modelTypes)
        {
            Walk(type);
        }

        void Walk(Type type)
        {
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string))
            {
                return;
            }

            Assert.False(forbidden.Any(f => f.IsAssignableFrom(type)), $"A pipeline model holds a {type}.");
            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Walk(argument);
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
            }
        }
    }

    [Fact]
    public void Every_model_compares_by_value()
    {
        static CallSiteModel Make() => new(
            "/a.cs", 1, 2, 1, "data",
            new TargetMethodModel("M()", "T", "global::T", "M", "Synchronous", "", false, "void", "",
                new EquatableArray<TypeParameterModel>(new[] { new TypeParameterModel("T", "class") }), "",
                new EquatableArray<ParameterModel>(new[] { new ParameterModel("int", "x", "", "", "") }),
                new EquatableArray<string>(new[] { "[A]" }), "a.cs", 3));

        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
        Assert.NotEqual(Make(), Make() with { Line = 9 });
    }
}
