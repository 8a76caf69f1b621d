using System;
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
}
