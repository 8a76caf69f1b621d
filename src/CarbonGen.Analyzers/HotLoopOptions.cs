using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CarbonGen.Analyzers;

/// <summary>The <c>.editorconfig</c> thresholds of CARBON001.</summary>
internal readonly struct HotLoopOptions
{
    public const string MinIterationsKey = "carbongen.hot_loop.min_iterations";
    public const string MinDepthKey = "carbongen.hot_loop.min_depth";
    public const int DefaultMinIterations = 1000;
    public const int DefaultMinDepth = 2;

    private HotLoopOptions(long minIterations, int minDepth)
    {
        MinIterations = minIterations;
        MinDepth = minDepth;
    }

    /// <summary>A loop whose trip count is a constant of at least this many iterations is hot.</summary>
    public long MinIterations { get; }

    /// <summary>Loops nested at least this deep are hot.</summary>
    public int MinDepth { get; }

    /// <summary>Reads the thresholds for <paramref name="tree"/>; a missing or unusable value keeps the default.</summary>
    public static HotLoopOptions For(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return new HotLoopOptions(
            Read(config, MinIterationsKey, DefaultMinIterations),
            (int)Read(config, MinDepthKey, DefaultMinDepth));
    }

    private static long Read(AnalyzerConfigOptions config, string key, int fallback) =>
        config.TryGetValue(key, out var text)
        && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
        && value >= 1
            ? value
            : fallback;
}
