using System.Linq;
using BenchmarkDotNet.Attributes;
using CarbonGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CarbonGen.Benchmarks;

/// <summary>
/// The generator's cost on a 2,000-file, 20,000-call-site compilation (10% to tracked methods), cold
/// and after a one-file edit, against the compiler's own time to compile the same code.
/// Every benchmark starts from a fresh compilation, since a compilation caches what it has bound.
/// </summary>
[Config(typeof(MacroBenchmarkConfig))]
public class GeneratorBenchmarks
{
    private SyntaxTree[] _trees = [];
    private MetadataReference _carbonGen = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        _trees = SyntheticSolution.Trees();
        _carbonGen = MetadataReference.CreateFromFile(typeof(CarbonAttribute).Assembly.Location);
    }

    private CSharpCompilation Fresh(SyntaxTree[]? trees = null) =>
        SyntheticSolution.Compilation(trees ?? _trees).AddReferences(_carbonGen);

    private static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create([new InterceptorGenerator().AsSourceGenerator()], parseOptions: SyntheticSolution.ParseOptions);

    [Benchmark(Baseline = true, Description = "compiler: emit, no generator")]
    public bool Compile()
    {
        using var stream = new System.IO.MemoryStream();
        return Fresh().Emit(stream).Success;
    }

    [Benchmark(Description = "compiler: emit, with the generator")]
    public bool CompileWithGenerator()
    {
        Driver().RunGeneratorsAndUpdateCompilation(Fresh(), out var output, out _);
        using var stream = new System.IO.MemoryStream();
        return output.Emit(stream).Success;
    }

    [Benchmark(Description = "generator: cold run")]
    public int GeneratorCold() =>
        Driver().RunGenerators(Fresh()).GetRunResult().GeneratedTrees.Length;

    [IterationSetup(Target = nameof(GeneratorAfterEdit))]
    public void SetupEdit()
    {
        var compilation = Fresh();
        _warmDriver = Driver().RunGenerators(compilation);
        var edited = compilation.SyntaxTrees.First(t => t.FilePath == "/src/File7.cs");
        _edited = compilation.ReplaceSyntaxTree(edited, SyntheticSolution.EditedTree(edited));
    }

    [Benchmark(Description = "generator: after a one-file edit")]
    public int GeneratorAfterEdit() =>
        _warmDriver.RunGenerators(_edited).GetRunResult().GeneratedTrees.Length;
}
