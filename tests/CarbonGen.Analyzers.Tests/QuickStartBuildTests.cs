using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace CarbonGen.Analyzers.Tests;

/// <summary>
/// The QuickStart sample's code, built by the real compiler with the generator and every analyzer at
/// warning level and warnings as errors, gets no finding. The build runs in a temporary folder outside
/// the repository (its own obj/, bin/ and NUGET_PACKAGES), so it never races the solution's build.
/// </summary>
public sealed class QuickStartBuildTests(ITestOutputHelper log)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task QuickStart_builds_clean_with_all_rules_raised_to_warnings()
    {
        var work = Path.Combine(Path.GetTempPath(), "carbongen-analyzers-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var project = CreateProject(work);
            var (exitCode, output) = await Dotnet(
                work,
                "build", project, "-c", "Debug", "--disable-build-servers", "-tl:off", "-nologo",
                // The report (CARBON005) is a count, not a finding: raised to a warning so it shows, but not an error.
                "-p:WarningsNotAsErrors=CARBON005");
            log.WriteLine(output);

            Assert.True(exitCode == 0, "The build failed:\n" + output);
            var findings = output.Split('\n')
                .Where(l => l.Contains("CARBON00", StringComparison.Ordinal) && !l.Contains("CARBON005", StringComparison.Ordinal))
                .Distinct()
                .ToList();
            Assert.True(findings.Count == 0, "Findings:\n" + string.Join("\n", findings));
            // Every call QuickStart makes to a tracked method is intercepted (one call site per method in Program.cs).
            var report = System.Text.RegularExpressions.Regex.Match(output, @"warning CARBON005: (\d+) of (\d+) call sites to tracked methods intercepted \(0 skipped\)");
            Assert.True(report.Success && report.Groups[1].Value == report.Groups[2].Value && int.Parse(report.Groups[1].Value) >= 6, "Report:\n" + output);
            Assert.DoesNotContain("CS8034", output, StringComparison.Ordinal); // an analyzer assembly the compiler could not load
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary folder left behind is harmless.
            }
        }
    }

    /// <summary>A project wired like the package: CarbonGen as a reference, the generator and the analyzers as analyzers.</summary>
    private static string CreateProject(string work)
    {
        var bin = AppContext.BaseDirectory;
        string Dll(string name)
        {
            var path = Path.Combine(bin, name);
            Assert.True(File.Exists(path), $"{path} is missing: the test project copies it next to the tests.");
            return path;
        }

        var quickStart = Path.Combine(RepositoryRoot(), "samples", "QuickStart");
        foreach (var source in Directory.GetFiles(quickStart, "*.cs"))
        {
            File.Copy(source, Path.Combine(work, Path.GetFileName(source)));
        }

        var severities = string.Concat(
            new[] { "CARBON001", "CARBON002", "CARBON003", "CARBON004", "CARBON005" }.Select(id => $"dotnet_diagnostic.{id}.severity = warning\n"));
        File.WriteAllText(Path.Combine(work, ".editorconfig"), "root = true\n\n[*.cs]\n" + severities);

        // CARBON005 has no location, so only a global config sets its severity.
        File.WriteAllText(Path.Combine(work, "carbon.globalconfig"), "is_global = true\n" + severities);

        var path = Path.Combine(work, "QuickStart.csproj");
        File.WriteAllText(path, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <InterceptorsNamespaces>$(InterceptorsNamespaces);CarbonGen.Generated</InterceptorsNamespaces>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="CarbonGen" HintPath="{Dll("CarbonGen.dll")}" />
                <Analyzer Include="{Dll("CarbonGen.Generators.dll")}" />
                <Analyzer Include="{Dll("CarbonGen.Analyzers.dll")}" />
                <Analyzer Include="{Dll("CarbonGen.CodeFixes.dll")}" />
                <GlobalAnalyzerConfigFiles Include="carbon.globalconfig" />
              </ItemGroup>
            </Project>
            """);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CarbonGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CarbonGen.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> Dotnet(string directory, params string[] arguments)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        var start = new ProcessStartInfo(!string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child at the wrong MSBuild; its own package folder keeps the machine's cache untouched.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["NUGET_PACKAGES"] = Path.Combine(directory, ".packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in time:\n" + output);
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
