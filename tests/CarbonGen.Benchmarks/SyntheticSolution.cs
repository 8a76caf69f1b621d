using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CarbonGen.Benchmarks;

/// <summary>
/// A large synthetic compilation: <see cref="Files"/> files with <see cref="CallsPerFile"/> call sites
/// each, one in ten of them to a [Carbon] method. With <c>loops</c>, one file in ten also has loops (no calls in
/// them: the call-site counts stay the same), so that the hot-loop analyzer's loop code runs.
/// </summary>
internal static class SyntheticSolution
{
    public const int Files = 2_000;
    public const int CallsPerFile = 10;

    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithFeatures([new KeyValuePair<string, string>("InterceptorsNamespaces", "CarbonGen.Generated")]);

    private static readonly MetadataReference[] References = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(System.IO.Path.PathSeparator)
        .Where(p => p.EndsWith(".dll", System.StringComparison.OrdinalIgnoreCase))
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToArray();

    /// <summary>Files with loops, with <c>loops</c>: one in this many.</summary>
    public const int LoopFileEvery = 10;

    public static SyntaxTree[] Trees(bool loops = false) =>
        Enumerable.Range(0, Files).Select(i => CSharpSyntaxTree.ParseText(File(i, loops), ParseOptions, $"/src/File{i}.cs")).Prepend(
            CSharpSyntaxTree.ParseText(Library, ParseOptions, "/src/Library.cs")).ToArray();

    public static SyntaxTree EditedTree(SyntaxTree tree) =>
        tree.WithChangedText(tree.GetText().Replace(0, 0, "// edited\n"));

    public static CSharpCompilation Compilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "Synthetic",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private const string Library = """
        using CarbonGen;
        namespace Synthetic;
        public static class Tracked
        {
            [Carbon] public static int Score(int x) => x * 2;
            [Carbon] public static string Label(string s) => s;
        }
        public static class Plain
        {
            public static int Add(int a, int b) => a + b;
            public static string Name(int x) => "n" + x;
        }
        """;

    /// <summary>
    /// Loops without calls, in the shapes CARBON001 looks at: a constant <c>for</c>, a <c>foreach</c> over a local
    /// array of constant size, <c>for</c> up to its <c>Length</c>, a nest with unknown bounds, and a short loop.
    /// </summary>
    private const string Loops = """
                for (var i = 0; i < 5000; i++) { total += i; }
                var data = new int[2048];
                foreach (var v in data) { total ^= v; }
                for (var i = 0; i < data.Length; i++) { data[i] = total; }
                for (var i = 0; i < x; i++) { for (var j = 0; j < x; j++) { total += i * j; } }
                for (var i = 0; i < 8; i++) { total -= i; }

        """;

    private static string File(int index, bool loops = false)
    {
        var text = new StringBuilder();
        text.Append("namespace Synthetic;\npublic static class Caller").Append(index).Append("\n{\n    public static int Run(int x)\n    {\n        var total = 0;\n");
        for (var call = 0; call < CallsPerFile; call++)
        {
            text.Append(call == 0
                ? (index % 2 == 0 ? "        total += Tracked.Score(x);\n" : "        total += Tracked.Label(\"a\").Length;\n")
                : call % 2 == 0 ? "        total += Plain.Add(total, x);\n" : "        total += Plain.Name(x).Length;\n");
        }

        if (loops && index % LoopFileEvery == LoopFileEvery - 1)
        {
            text.Append(Loops);
        }

        text.Append("        return total;\n    }\n}\n");
        return text.ToString();
    }
}
