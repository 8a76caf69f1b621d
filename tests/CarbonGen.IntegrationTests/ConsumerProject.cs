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

    public static ConsumerProject Create(PackedPackageFixture package, bool publishAot)
    {
        var directory = package.CreateDirectory(publishAot ? "consumer-aot" : "consumer");

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
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>{(publishAot ? "\n    <PublishAot>true</PublishAot>" : string.Empty)}
              </PropertyGroup>

              <ItemGroup>
                <PackageReference Include="{PackedPackageFixture.PackageId}" Version="{package.Version}" />
              </ItemGroup>

            </Project>
            """);

        foreach (var source in System.IO.Directory.GetFiles(package.QuickStartDirectory, "*.cs", SearchOption.TopDirectoryOnly))
        {
            File.Copy(source, Path.Combine(directory, Path.GetFileName(source)));
        }

        return new ConsumerProject(directory);
    }

    private static void Write(string directory, string fileName, string text) =>
        File.WriteAllText(Path.Combine(directory, fileName), text + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
