using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CarbonGen.Analyzers.Tests;

/// <summary>
/// The running framework's assemblies plus CarbonGen.dll: offline and exact, with no reference pack to
/// download (the same approach as the generator tests' harness).
/// </summary>
internal static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => Path.GetDirectoryName(p) == frameworkDirectory || Path.GetFileName(p) == "CarbonGen.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    });

    /// <summary>No reference pack: <see cref="All"/> is added to each project instead.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0-running");

    public static ImmutableArray<MetadataReference> All => s_references.Value;

    public static ImmutableArray<MetadataReference> WithoutCarbonGen =>
        All.Where(r => Path.GetFileName(((PortableExecutableReference)r).FilePath) != "CarbonGen.dll").ToImmutableArray();
}
