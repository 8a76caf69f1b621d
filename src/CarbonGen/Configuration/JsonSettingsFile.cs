using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CarbonGen.Intensity;

namespace CarbonGen.Configuration;

/// <summary>
/// Reads <c>carbongen.json</c>: one JSON object whose keys are the settings' snake-case names
/// (<c>{ "country": "FRA", "pue": 1.2 }</c>). Comments and trailing commas are allowed. A file that
/// cannot be read is reported once and ignored; a bad key or value is reported and skipped.
/// </summary>
internal static class JsonSettingsFile
{
    internal const string FileName = "carbongen.json";

    /// <summary>Raw values by JSON key, as text, from the file in <paramref name="directory"/> (empty when there is none).</summary>
    internal static Dictionary<string, string> Read(string directory, Action<string> warn, out string path)
    {
        path = Path.Combine(directory, FileName);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return values;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warn($"CarbonGen: warning: could not read '{path}': {e.Message} Its settings are ignored; the environment, MSBuild properties and defaults apply.");
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                warn($"CarbonGen: warning: '{path}' must hold one JSON object such as {{ \"country\": \"FRA\" }}, not a {document.RootElement.ValueKind.ToString().ToLowerInvariant()}. Its settings are ignored.");
                return values;
            }

            var known = Settings.All.Where(s => s.JsonKey is not null).Select(s => s.JsonKey!).ToList();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    var closest = Suggestions.Closest(property.Name, known.Select(k => (k, k)));
                    var secret = property.Name.Contains("token", StringComparison.OrdinalIgnoreCase)
                        ? " Tokens are read only from code or the environment (CARBONGEN_ELECTRICITYMAPS_TOKEN), never from a file."
                        : string.Empty;
                    warn($"CarbonGen: warning: '{path}' has an unknown key \"{property.Name}\"" +
                         (closest.Count > 0 ? "; closest valid keys: " + Suggestions.Join(closest) : string.Empty) + "." + secret + " It is ignored.");
                    continue;
                }

                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.String:
                        values[property.Name] = property.Value.GetString()!;
                        break;
                    case JsonValueKind.Number:
                        values[property.Name] = property.Value.GetRawText();
                        break;
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        values[property.Name] = property.Value.GetBoolean() ? "true" : "false";
                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        warn($"CarbonGen: warning: '{path}' key \"{property.Name}\" holds a {property.Value.ValueKind.ToString().ToLowerInvariant()}; use a string, number or boolean. It is ignored.");
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? string.Format(CultureInfo.InvariantCulture, " at line {0}, position {1}", line + 1, (e.BytePositionInLine ?? 0) + 1) : string.Empty;
            warn($"CarbonGen: warning: '{path}' is not valid JSON{where}: {FirstSentence(e.Message)} Its settings are ignored; the environment, MSBuild properties and defaults apply.");
            values.Clear();
        }

        return values;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
