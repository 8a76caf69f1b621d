using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace CarbonGen.IntegrationTests;

/// <summary>The packed package, used by a new project exactly as a user would use it.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private readonly PackedPackageFixture _package;
    private readonly ITestOutputHelper _log;

    public PackageTests(PackedPackageFixture package, ITestOutputHelper log)
    {
        _package = package;
        _log = log;
        _log.WriteLine($"CarbonGen {_package.Version} packed in {_package.Pack?.Elapsed.TotalSeconds:0.0} s to {_package.FeedDirectory}");
    }

    [Fact]
    public void Package_HoldsRuntimeGeneratorAnalyzersAndBuildFiles()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet();
        var listing = string.Join(", ", entries.Order());

        string[] expected =
        [
            "lib/net8.0/CarbonGen.dll",
            "lib/net10.0/CarbonGen.dll",
            "analyzers/dotnet/cs/CarbonGen.Generators.dll",
            "analyzers/dotnet/cs/CarbonGen.Analyzers.dll",
            "analyzers/dotnet/cs/CarbonGen.CodeFixes.dll",
            "build/CarbonGen.props",
            "build/CarbonGen.targets",
            "buildTransitive/CarbonGen.props",
            "buildTransitive/CarbonGen.targets",
        ];
        foreach (var entry in expected)
        {
            Assert.True(entries.Contains(entry), $"The package lacks {entry}. It holds: {listing}");
        }

        // Under lib/ the generator or the analyzers would become references of every consumer.
        var misplaced = entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)
            && (e.EndsWith("/CarbonGen.Generators.dll", StringComparison.Ordinal)
                || e.EndsWith("/CarbonGen.Analyzers.dll", StringComparison.Ordinal)
                || e.EndsWith("/CarbonGen.CodeFixes.dll", StringComparison.Ordinal)));
        Assert.Empty(misplaced);
    }

    [Fact]
    public async Task PackageConsumer_BuildsRunsAndWritesSummaryAndCsvs()
    {
        var consumer = ConsumerProject.Create(_package, publishAot: false);

        var build = await Dotnet(consumer.Directory, "build", "-c", "Release", "--disable-build-servers", "-tl:off");
        ProcessAssertions.Succeeded(build);
        ProcessAssertions.HasNoWarnings(build);

        var output = _package.CreateDirectory("output");
        var run = await Dotnet(consumer.Directory, OutputTo(output), "run", "-c", "Release", "--no-build");
        QuickStartReportAssertions.Check(run, output, _package.Version);
    }

    [LinuxX64Fact]
    public async Task PackageConsumer_PublishedWithNativeAot_HasNoWarningsAndSameOutputs()
    {
        var consumer = ConsumerProject.Create(_package, publishAot: true);
        var publishDirectory = _package.CreateDirectory("publish");

        var publish = await Dotnet(
            consumer.Directory,
            "publish", "-c", "Release", "-r", LinuxX64FactAttribute.RuntimeIdentifier, "-o", publishDirectory, "--disable-build-servers", "-tl:off");
        ProcessAssertions.Succeeded(publish);
        ProcessAssertions.HasNoWarnings(publish);

        var executable = Path.Combine(publishDirectory, ConsumerProject.Name);
        Assert.True(File.Exists(executable), $"No native executable at {executable}.{Environment.NewLine}{publish.Describe()}");
        Assert.False(
            File.Exists(Path.Combine(publishDirectory, ConsumerProject.Name + ".dll")),
            $"The publish folder holds a managed {ConsumerProject.Name}.dll: not a Native AOT publish.{Environment.NewLine}{publish.Describe()}");

        var output = _package.CreateDirectory("output-aot");
        var run = await Log(ProcessRunner.RunAsync(executable, [], _package.CreateDirectory("cwd-aot"), OutputTo(output)));
        QuickStartReportAssertions.Check(run, output, _package.Version);
    }

    /// <summary>
    /// A tracked method that needs unreferenced code keeps its trim warning where the user calls it:
    /// the generated interceptor carries the same requirement, so no warning points into generated code.
    /// (The compiler's trim analyzer reports the original method; the native compiler, which sees the
    /// call to the interceptor, reports the interceptor's name, at the same line.)
    /// </summary>
    [LinuxX64Fact]
    public async Task TrimWarningOfATrackedMethod_StaysOnTheUsersCallSite()
    {
        var sources = new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using System;
                using System.Diagnostics.CodeAnalysis;
                using CarbonGen;

                Console.WriteLine(Reflective.Read("text", "Length"));

                public static class Reflective
                {
                    [Carbon]
                    [RequiresUnreferencedCode("Reads a property by name.")]
                    public static object? Read(object target, string property) => target.GetType().GetProperty(property)?.GetValue(target);
                }
                """,
        };
        var consumer = ConsumerProject.Create(_package, publishAot: true, sources, warningsAsErrors: false);
        var publish = await Dotnet(
            consumer.Directory,
            "publish", "-c", "Release", "-r", LinuxX64FactAttribute.RuntimeIdentifier, "-o", _package.CreateDirectory("publish-trim"), "--disable-build-servers", "-tl:off");
        ProcessAssertions.Succeeded(publish);

        var warnings = publish.OutputLines.Where(l => l.Contains(" warning ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(warnings.Count > 0, $"Expected the trim warning of Reflective.Read.{Environment.NewLine}{publish.Describe()}");
        var elsewhere = warnings.Where(w => !w.Contains("IL2026", StringComparison.Ordinal) || !w.Contains("Program.cs(5", StringComparison.Ordinal)).ToList();
        Assert.True(elsewhere.Count == 0, "Warnings other than IL2026 at the user's call site:\n" + string.Join("\n", elsewhere));
    }

    private static Dictionary<string, string> OutputTo(string directory) => new() { ["CARBONGEN_OUTPUT_DIR"] = directory };

    private Task<ProcessResult> Dotnet(string directory, params string[] arguments) =>
        Log(ProcessRunner.DotnetAsync(directory, arguments));

    private Task<ProcessResult> Dotnet(string directory, Dictionary<string, string> environment, params string[] arguments) =>
        Log(ProcessRunner.DotnetAsync(directory, arguments, environment));

    private async Task<ProcessResult> Log(Task<ProcessResult> running)
    {
        var result = await running;
        _log.WriteLine($"{result.CommandLine}: exit {result.ExitCode} in {result.Elapsed.TotalSeconds:0.0} s");
        return result;
    }
}
