using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using CarbonGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CarbonGen.Generators.Tests;

/// <summary>Compiles C# sources with the interceptor generator, as the compiler does in a user's build.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Preview)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "CarbonGen.Generated")]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>Framework assemblies plus CarbonGen (it is loaded in the test process).</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>Framework assemblies only: a compilation that does not reference CarbonGen.</summary>
    public static ImmutableArray<MetadataReference> ReferencesWithoutCarbonGen =>
        References.Where(r => !Path.GetFileName(((PortableExecutableReference)r).FilePath!).Equals("CarbonGen.dll", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray();

    public static CSharpCompilation CreateCompilation(
        IEnumerable<(string Path, string Source)> files,
        OutputKind kind = OutputKind.DynamicallyLinkedLibrary,
        IEnumerable<MetadataReference>? references = null,
        string assemblyName = "UserCode") =>
        CSharpCompilation.Create(
            assemblyName,
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, f.Path)),
            references ?? References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static GeneratorDriver CreateDriver(bool designTime = false) =>
        CSharpGeneratorDriver.Create(
            [new InterceptorGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: BuildProperties(designTime ? new() { ["DesignTimeBuild"] = "true" } : new()),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its result and the compilation with the generated sources added.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation, bool designTime = false)
    {
        var driver = CreateDriver(designTime).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return (driver.GetRunResult(), output);
    }

    /// <summary>Fails on any error or warning (users build with warnings as errors).</summary>
    public static void AssertClean(Compilation compilation)
    {
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, "The compilation has diagnostics:\n" + string.Join("\n", problems));
    }

    public static ImmutableDictionary<string, string> GeneratedSources(GeneratorDriverRunResult result) =>
        result.Results.Single().GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>MSBuild properties as the compiler passes them to generators (<c>build_property.X</c>).</summary>
    public static AnalyzerConfigOptionsProvider BuildProperties(Dictionary<string, string> properties) =>
        new TestOptionsProvider(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    private sealed class TestOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new());

            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
