using System;
using System.IO;

namespace CarbonGen;

/// <summary>
/// Settings of a run. The skeleton reads them from <c>CARBONGEN_*</c> environment variables;
/// every setting has a default that needs no key and no network.
/// </summary>
public sealed class CarbonOptions
{
    /// <summary>Name written in the <c>project_name</c> column. Default: the entry assembly's name.</summary>
    public string ProjectName { get; init; } = DefaultProjectName();

    /// <summary>Folder that receives <c>emissions.csv</c> and <c>emissions_methods.csv</c>. Default: the current directory.</summary>
    public string OutputDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Whether the per-method summary is printed to standard error at exit. Default: <see langword="true"/>.</summary>
    public bool PrintSummary { get; init; } = true;

    /// <summary>Whether the CSV files are written at exit. Default: <see langword="true"/>.</summary>
    public bool WriteCsv { get; init; } = true;

    /// <summary>Reads <c>CARBONGEN_PROJECT_NAME</c>, <c>CARBONGEN_OUTPUT_DIR</c>, <c>CARBONGEN_SUMMARY</c> and <c>CARBONGEN_CSV</c>.</summary>
    /// <param name="warn">Receives one line per value that could not be used; the default applies instead.</param>
    public static CarbonOptions FromEnvironment(Action<string>? warn = null)
    {
        warn ??= static message => Console.Error.WriteLine(message);
        var defaults = new CarbonOptions();
        return new CarbonOptions
        {
            ProjectName = NonEmpty(Environment.GetEnvironmentVariable("CARBONGEN_PROJECT_NAME")) ?? defaults.ProjectName,
            OutputDirectory = NonEmpty(Environment.GetEnvironmentVariable("CARBONGEN_OUTPUT_DIR")) ?? defaults.OutputDirectory,
            PrintSummary = ReadBool("CARBONGEN_SUMMARY", defaults.PrintSummary, warn),
            WriteCsv = ReadBool("CARBONGEN_CSV", defaults.WriteCsv, warn),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool ReadBool(string variable, bool fallback, Action<string> warn)
    {
        var raw = NonEmpty(Environment.GetEnvironmentVariable(variable));
        if (raw is null)
        {
            return fallback;
        }

        switch (raw.ToLowerInvariant())
        {
            case "1" or "true" or "yes" or "on":
                return true;
            case "0" or "false" or "no" or "off":
                return false;
            default:
                warn($"CarbonGen: warning: {variable}='{raw}' is not a boolean; use true or false. Using the default ({(fallback ? "true" : "false")}).");
                return fallback;
        }
    }

    private static string DefaultProjectName()
    {
        var name = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
        return string.IsNullOrEmpty(name) ? "carbongen" : name!;
    }
}
