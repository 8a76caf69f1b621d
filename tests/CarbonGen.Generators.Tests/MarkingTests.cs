using System;
using System.Linq;
using CarbonGen.Generators;
using static CarbonGen.Generators.Tests.CompiledProgram;

namespace CarbonGen.Generators.Tests;

/// <summary>Where <c>[Carbon]</c> can be put, and how a method opts out.</summary>
public class MarkingTests
{
    [Fact]
    public void A_type_mark_tracks_its_ordinary_methods_and_Track_false_opts_one_out()
    {
        var ns = "Case" + Guid.NewGuid().ToString("N");
        var program = CompiledProgram.Build($$"""
            using CarbonGen;
            namespace {{ns}};
            [Carbon]
            public class Service
            {
                public int Value { get; set; }
                public int Work() => Value + 1;
                [Carbon(Track = false)] public int Hot() => 2;
                [Carbon("service.named")] public int Named() => 3;
                public class Nested { public static int Inner() => 4; }
            }
            public static class Entry
            {
                public static int Run()
                {
                    var s = new Service { Value = 10 };
                    return s.Work() + s.Hot() + s.Named() + Service.Nested.Inner() + s.Value;
                }
            }
            """);

        Assert.Equal(11 + 2 + 3 + 4 + 10, program.Call(ns + ".Entry", "Run"));
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Service.Work()"));
        Assert.Equal((1, 0), CompiledProgram.Counts("service.named"));
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Service.Nested.Inner()"));
        Assert.Equal((0, 0), CompiledProgram.Counts(ns + ".Service.Hot()"));
    }

    [Fact]
    public void An_assembly_mark_tracks_every_ordinary_method_declared_in_it()
    {
        var ns = "Case" + Guid.NewGuid().ToString("N");
        var program = CompiledProgram.Build($$"""
            using CarbonGen;
            [assembly: Carbon]
            namespace {{ns}};
            public static class Entry
            {
                public static int One() => 1;
                [Carbon(Track = false)] public static int Two() => 2;
                public static int Run() => One() + One() + Two() + System.Math.Abs(-3);
            }
            """);

        Assert.Equal(7, program.Call(ns + ".Entry", "Run"));
        Assert.Equal((2, 0), CompiledProgram.Counts(ns + ".Entry.One()"));
        Assert.Equal((0, 0), CompiledProgram.Counts(ns + ".Entry.Two()"));

        // Run() itself was called by the test through reflection, which no interceptor can see.
        Assert.Equal((0, 0), CompiledProgram.Counts(ns + ".Entry.Run()"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Marks_found_through_partial_types_global_usings_and_aliases_are_tracked(bool alias)
    {
        // Without the alias, the partial part that carries no mark and never names CarbonGen must still be found.
        var ns = "Case" + Guid.NewGuid().ToString("N");
        var files = new[]
        {
            ("/src/Usings.cs", alias ? "global using Tracked = CarbonGen.CarbonAttribute;" : "global using CarbonGen;"),
            ("/src/PartA.cs", $$"""
                namespace {{ns}};
                [{{(alias ? "Tracked" : "Carbon")}}] public partial class Split { }
                """),
            ("/src/PartB.cs", $$"""
                namespace {{ns}};
                public partial class Split { public int Other() => 2; }
                public static class Entry
                {
                    public static int Run() => new Split().Other();
                }
                """),
        };
        var (_, output) = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files, assemblyName: "P" + Guid.NewGuid().ToString("N")));
        GeneratorHarness.AssertClean(output);

        Assert.Equal(2, CompiledProgram.Load(output).Call(ns + ".Entry", "Run"));
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Split.Other()"));
    }

    [Fact]
    public void Type_and_assembly_marks_leave_private_and_protected_methods_alone_and_the_build_is_clean()
    {
        var ns = "Case" + Guid.NewGuid().ToString("N");
        var compilation = GeneratorHarness.CreateCompilation(
            [("/src/Service.cs", $$"""
                using CarbonGen;
                [assembly: Carbon]
                namespace {{ns}};
                [Carbon]
                public class Service
                {
                    public int Work() => Helper() + Shielded() + Hidden();
                    private int Helper() => 1;
                    protected int Shielded() => 2;
                    private static int Hidden() => 3;
                }
                public static class Entry
                {
                    public static int Run() => new Service().Work() + Local();
                    private static int Local() => 4;
                }
                """)],
            assemblyName: "P" + Guid.NewGuid().ToString("N"));
        var (result, output) = GeneratorHarness.Run(compilation);
        GeneratorHarness.AssertClean(output);

        var generated = string.Join("\n", GeneratorHarness.GeneratedSources(result).Values);
        Assert.DoesNotContain("Helper", generated);
        Assert.DoesNotContain("Shielded", generated);
        Assert.DoesNotContain("Hidden", generated);
        Assert.DoesNotContain("Local", generated);

        Assert.Equal(10, CompiledProgram.Load(output).Call(ns + ".Entry", "Run"));
        Assert.Equal((1, 0), CompiledProgram.Counts(ns + ".Service.Work()"));
        Assert.Equal((0, 0), CompiledProgram.Counts(ns + ".Service.Helper()"));
        Assert.Equal((0, 0), CompiledProgram.Counts(ns + ".Entry.Local()"));
    }

    [Fact]
    public void Tracking_covers_only_methods_generated_code_can_call()
    {
        var compilation = GeneratorHarness.CreateCompilation([("/src/Marks.cs", """
            using CarbonGen;
            [Carbon]
            public class Service
            {
                public int Open() => 1;
                internal int Inside() => 2;
                protected internal int Either() => 3;
                private int Helper() => 4;
                protected int Shielded() => 5;
                private protected int Both() => 6;
                [Carbon] private int Marked() => 7;
                private class Hidden { public int Reached() => 8; }
            }
            """)]);
        var carbon = compilation.GetTypeByMetadataName(KnownNames.CarbonAttributeMetadataName)!;
        var service = compilation.GetTypeByMetadataName("Service")!;
        bool Tracked(Microsoft.CodeAnalysis.INamedTypeSymbol type, string name) =>
            Tracking.IsTracked((Microsoft.CodeAnalysis.IMethodSymbol)type.GetMembers(name).Single(), carbon, compilation, out _);

        Assert.True(Tracked(service, "Open"));
        Assert.True(Tracked(service, "Inside"));
        Assert.True(Tracked(service, "Either"));
        Assert.False(Tracked(service, "Helper"));
        Assert.False(Tracked(service, "Shielded"));
        Assert.False(Tracked(service, "Both"));
        Assert.False(Tracked(service, "Marked"));
        Assert.False(Tracked(compilation.GetTypeByMetadataName("Service+Hidden")!, "Reached"));
    }
}
