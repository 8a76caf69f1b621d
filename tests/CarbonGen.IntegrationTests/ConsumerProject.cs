using System.Collections.Generic;
using System.IO;
using System.Security;
using System.Text;

namespace CarbonGen.IntegrationTests;

/// <summary>
/// A fresh application that uses CarbonGen the way a user does: a PackageReference to the packed
/// version and nothing else, running the QuickStart sample's code.
/// </summary>
internal sealed class ConsumerProject
{
    public const string Name = "QuickStartConsumer";

    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

    /// <summary>Creates the consumer in a new folder.</summary>
    /// <param name="package">The packed package.</param>
    /// <param name="publishAot">Whether the project publishes with Native AOT.</param>
    /// <param name="sources">The program's files (name → text); <see langword="null"/> for the QuickStart sample's.</param>
    /// <param name="warningsAsErrors">Whether warnings fail the build.</param>
    public static ConsumerProject Create(
        PackedPackageFixture package, bool publishAot, IReadOnlyDictionary<string, string>? sources = null, bool warningsAsErrors = true)
    {
        var directory = package.CreateDirectory((publishAot ? "consumer-aot" : "consumer") + (sources is null ? string.Empty : "-custom"));

        // Adds the feed to the sources the machine already has (no <clear/>): the package's own
        // dependencies and the SDK's packs still come from there.
        Write(directory, "nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="carbongen-it" value="{SecurityElement.Escape(package.FeedDirectory)}" />
              </packageSources>
            </configuration>
            """);

        // The interceptor switches must come from the package: the project sets none.
        Write(directory, Name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">

              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>{(warningsAsErrors ? "true" : "false")}</TreatWarningsAsErrors>{(publishAot ? "\n    <PublishAot>true</PublishAot>" : string.Empty)}
              </PropertyGroup>

              <ItemGroup>
                <PackageReference Include="{PackedPackageFixture.PackageId}" Version="{package.Version}" />
              </ItemGroup>

            </Project>
            """);

        if (sources is not null)
        {
            foreach (var (name, text) in sources)
            {
                Write(directory, name, text);
            }
        }
        else
        {
            foreach (var source in System.IO.Directory.GetFiles(package.QuickStartDirectory, "*.cs", SearchOption.TopDirectoryOnly))
            {
                File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
            }
        }

        return new ConsumerProject(directory);
    }

    private static void Write(string directory, string fileName, string text) =>
        File.WriteAllText(Path.Combine(directory, fileName), text + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
