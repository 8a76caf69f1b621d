using System;
using System.IO;
using CarbonGen.Configuration;

namespace CarbonGen.Tests.Configuration;

/// <summary>
/// A temporary working directory (for <c>carbongen.json</c>) and a clean slate of baked MSBuild
/// properties; both restored afterwards. Use only in <see cref="EnvironmentCollection"/>.
/// </summary>
internal sealed class SettingsScope : IDisposable
{
    public SettingsScope(string? json = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "carbongen-settings-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        if (json is not null)
        {
            File.WriteAllText(JsonPath, json);
        }

        BuildSettings.Clear();
    }

    public string Directory { get; }

    public string JsonPath => Path.Combine(Directory, "carbongen.json");

    public void Dispose()
    {
        BuildSettings.Clear();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
