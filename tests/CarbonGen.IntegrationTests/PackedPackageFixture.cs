using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace CarbonGen.IntegrationTests;

/// <summary>
/// Packs src/CarbonGen once per test run into the repository's local feed (the folder nuget.config
/// names), under a version no earlier run used, so that no copy in the NuGet cache can stand in for
/// the package just built. The package and its cached copy are removed afterwards.
/// </summary>
public sealed class PackedPackageFixture : IAsyncLifetime
{
    public const string PackageId = "CarbonGen";

    public PackedPackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        WorkDirectory = Path.Combine(Path.GetTempPath(), "carbongen-it-" + Guid.NewGuid().ToString("N"));
        FeedDirectory = Path.Combine(RepositoryRoot, "tests", "CarbonGen.IntegrationTests", "LocalFeed");

        // Every prerelease identifier starts with a non-digit or is a number without leading zeros (SemVer 2).
        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Version = $"0.1.0-it.{stamp}.r{Guid.NewGuid().ToString("N")[..8]}";
    }

    public string RepositoryRoot { get; }

    /// <summary>Temporary folder, outside the repository, that holds every consumer project.</summary>
    public string WorkDirectory { get; }

    public string FeedDirectory { get; }

    /// <summary>The package version this run packed.</summary>
    public string Version { get; }

    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    public string QuickStartDirectory => Path.Combine(RepositoryRoot, "samples", "QuickStart");

    /// <summary>The <c>dotnet pack</c> run, for its timing.</summary>
    internal ProcessResult? Pack { get; private set; }

    public async Task InitializeAsync()
    {
        try
        {
            await PackAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task PackAsync()
    {
        Directory.CreateDirectory(FeedDirectory);
        Pack = await ProcessRunner.DotnetAsync(
            RepositoryRoot,
            [
                "pack",
                Path.Combine(RepositoryRoot, "src", "CarbonGen", "CarbonGen.csproj"),
                "-c", "Release",
                "-o", FeedDirectory,
                "-p:CarbonGenVersion=" + Version,
                "--disable-build-servers",
                "-tl:off",
            ]);
        ProcessAssertions.Succeeded(Pack);
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException(
                $"dotnet pack did not write {PackagePath}; the feed holds: {string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName))}"
                + Environment.NewLine + Pack.Describe());
        }
    }

    /// <summary>A new, empty folder under <see cref="WorkDirectory"/>.</summary>
    public string CreateDirectory(string prefix)
    {
        var path = Path.Combine(WorkDirectory, prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    public Task DisposeAsync()
    {
        // The restores extracted this one-off version into the global packages folder; nothing will use it again.
        var versions = Path.Combine(GlobalPackagesFolder(), PackageId.ToLowerInvariant());
        DeleteDirectory(Path.Combine(versions, Version.ToLowerInvariant()));
        if (Directory.Exists(versions) && !Directory.EnumerateFileSystemEntries(versions).Any())
        {
            DeleteDirectory(versions);
        }

        DeleteDirectory(WorkDirectory);
        try
        {
            File.Delete(PackagePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A package left in the feed has a version no later run will ask for.
        }

        return Task.CompletedTask;
    }

    private static string GlobalPackagesFolder()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return !string.IsNullOrEmpty(configured)
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CarbonGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds CarbonGen.sln.");
    }

    private static void DeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Clean-up is best effort: a leftover temporary folder must not fail the run.
        }
    }
}
