using System;
using System.Collections.Generic;
using System.Globalization;

namespace CarbonGen.Configuration;

/// <summary>
/// Resolves every setting through the sources, highest first: code, environment, <c>carbongen.json</c>,
/// MSBuild properties baked in at compile time, defaults. A value that cannot be used is reported and
/// the next source is tried.
/// </summary>
internal static class SettingsLoader
{
    private const string Order = "code > environment > carbongen.json > MSBuild > default";

    internal static CarbonOptions Resolve(CarbonOptions? code, Action<string> warn, string workingDirectory)
    {
        var resolved = new CarbonOptions();
        var json = JsonSettingsFile.Read(workingDirectory, warn, out var jsonPath);
        var baked = BuildSettings.Values;

        foreach (var setting in Settings.All)
        {
            foreach (var (raw, label, origin) in Candidates(setting, code, json, jsonPath, baked))
            {
                var result = setting.Parse(raw, resolved);
                var shown = setting.Secret ? "(hidden)" : "'" + raw + "'";
                if (!result.Ok)
                {
                    warn($"CarbonGen: warning: {label}={shown} ({origin}, setting {setting.Property}) {result.Problem}. It is ignored; the next source applies ({Order}).");
                    continue;
                }

                if (result.Note is { } note)
                {
                    warn($"CarbonGen: note: {label}={shown} ({origin}, setting {setting.Property}) {note}");
                }

                resolved.Assign(setting.Property, result.Value);
                resolved.RecordOrigin(setting.Property, origin);
                break;
            }
        }

        return resolved;
    }

    private static IEnumerable<(string Raw, string Label, string Origin)> Candidates(
        SettingDefinition setting,
        CarbonOptions? code,
        Dictionary<string, string> json,
        string jsonPath,
        IReadOnlyDictionary<string, string> baked)
    {
        if (code is not null && code.IsSetInCode(setting.Property) && ToRaw(code.Read(setting.Property)) is { } fromCode)
        {
            yield return (fromCode, "CarbonOptions." + setting.Property, "set in code");
        }

        if (NonEmpty(Environment.GetEnvironmentVariable(setting.Environment)) is { } fromEnvironment)
        {
            yield return (fromEnvironment, setting.Environment, "environment variable");
        }

        if (setting.JsonKey is { } key && json.TryGetValue(key, out var fromJson) && NonEmpty(fromJson) is { } jsonValue)
        {
            yield return (jsonValue, "\"" + key + "\"", "carbongen.json at '" + jsonPath + "'");
        }

        if (setting.MsBuild is { } property && baked.TryGetValue(property, out var fromBuild) && NonEmpty(fromBuild) is { } buildValue)
        {
            yield return (buildValue, property, "MSBuild property baked in at compile time");
        }
    }

    private static string? ToRaw(object? value) => value switch
    {
        null => null,
        string s => NonEmpty(s),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        TrackingMode m => m == TrackingMode.Machine ? "machine" : "process",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
