using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace CarbonGen.Measurement;

/// <summary>How a CPU model string was found in the table.</summary>
internal enum TdpMatchKind
{
    /// <summary>The string is a table name (case aside).</summary>
    Exact = 0,

    /// <summary>Equal once trademarks, "CPU", "Processor", core counts and the clock speed are removed.</summary>
    Normalised = 1,

    /// <summary>One table name's words are all in the model string (the one with most words), or the model string's words all in exactly one table name.</summary>
    TokenSet = 2,
}

/// <summary>A table entry found for a CPU model string.</summary>
internal readonly record struct TdpMatch(string TableName, double Watts, TdpMatchKind Kind);

/// <summary>
/// The CPU TDP table (<c>data/hardware/cpu_tdp.csv</c>, embedded), parsed on first use only: it is
/// needed only when no power sensor is readable.
/// </summary>
/// <remarks>
/// Matching, in order (like CodeCarbon's, without a fuzzy-matching library):
/// <list type="number">
/// <item>exact, ignoring case;</item>
/// <item>after <see cref="Normalise"/> on both sides: <c>Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz</c> and
/// <c>Intel Core i7-8650U</c> both become <c>intel core i7-8650u</c>; <c>AMD EPYC 7763 64-Core Processor</c>
/// becomes <c>amd epyc 7763</c>;</item>
/// <item>word sets: the table names whose words are all in the model string and that carry a model
/// number (a word with a digit), keeping those with most words, if they agree on one TDP; else the
/// single table name that holds all the model string's words.</item>
/// </list>
/// A model string without a model number (<c>Intel(R) Xeon(R) Processor</c>, as some hypervisors report)
/// matches nothing rather than an arbitrary Xeon.
/// </remarks>
internal sealed class CpuTdpTable
{
    internal const string ResourceName = "CarbonGen.Data.cpu_tdp.csv";

    private static readonly Lazy<CpuTdpTable> s_embedded = new(LoadEmbedded);

    private static readonly string[] s_dropWords = ["cpu", "processor", "apu", "soc"];

    private readonly Dictionary<string, (string Name, double Watts)> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Name, double Watts)> _normalised = new(StringComparer.Ordinal);
    private readonly List<(string Name, double Watts, string[] Words)> _entries = [];

    private CpuTdpTable()
    {
    }

    /// <summary>The table embedded in the runtime.</summary>
    internal static CpuTdpTable Embedded => s_embedded.Value;

    internal int Count => _entries.Count;

    internal static CpuTdpTable Parse(TextReader reader)
    {
        var table = new CpuTdpTable();
        var header = reader.ReadLine();
        if (header != "name,tdp_watts")
        {
            throw new InvalidDataException($"The CPU TDP table starts with '{header}', not 'name,tdp_watts'.");
        }

        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string name;
            string watts;
            if (line[0] == '"')
            {
                var close = line.IndexOf("\",", 1, StringComparison.Ordinal);
                name = line[1..close].Replace("\"\"", "\"", StringComparison.Ordinal);
                watts = line[(close + 2)..];
            }
            else
            {
                var comma = line.LastIndexOf(',');
                name = line[..comma];
                watts = line[(comma + 1)..];
            }

            table.Add(name, double.Parse(watts, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return table;
    }

    private void Add(string name, double watts)
    {
        _exact.TryAdd(name, (name, watts));
        var normalised = Normalise(name);
        if (_normalised.TryGetValue(normalised, out var existing))
        {
            if (existing.Watts != watts)
            {
                _normalised[normalised] = (existing.Name, double.NaN); // ambiguous: left to the word-set stage
            }
        }
        else
        {
            _normalised.Add(normalised, (name, watts));
        }

        _entries.Add((name, watts, Words(normalised)));
    }

    /// <summary>Finds a CPU model string in the table.</summary>
    internal bool TryMatch(string? model, out TdpMatch match)
    {
        match = default;
        if (string.IsNullOrWhiteSpace(model))
        {
            return false;
        }

        model = model.Trim();
        if (_exact.TryGetValue(model, out var exact))
        {
            match = new TdpMatch(exact.Name, exact.Watts, TdpMatchKind.Exact);
            return true;
        }

        var normalised = Normalise(model);
        if (_normalised.TryGetValue(normalised, out var found) && !double.IsNaN(found.Watts))
        {
            match = new TdpMatch(found.Name, found.Watts, TdpMatchKind.Normalised);
            return true;
        }

        var words = Words(normalised);
        if (!Array.Exists(words, HasDigit))
        {
            return false;
        }

        // Table names contained in the model string: the most specific ones, if they agree.
        var bestCount = 0;
        (string Name, double Watts)? best = null;
        var agree = true;
        foreach (var entry in _entries)
        {
            if (entry.Words.Length < bestCount || !Array.Exists(entry.Words, HasDigit) || !IsSubset(entry.Words, words))
            {
                continue;
            }

            if (entry.Words.Length > bestCount)
            {
                bestCount = entry.Words.Length;
                best = (entry.Name, entry.Watts);
                agree = true;
            }
            else if (best is { } b && b.Watts != entry.Watts)
            {
                agree = false;
            }
        }

        if (best is { } hit && agree)
        {
            match = new TdpMatch(hit.Name, hit.Watts, TdpMatchKind.TokenSet);
            return true;
        }

        // The model string contained in exactly one table name.
        (string Name, double Watts)? only = null;
        foreach (var entry in _entries)
        {
            if (IsSubset(words, entry.Words))
            {
                if (only is not null)
                {
                    return false;
                }

                only = (entry.Name, entry.Watts);
            }
        }

        if (only is { } single)
        {
            match = new TdpMatch(single.Name, single.Watts, TdpMatchKind.TokenSet);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Lower case, without "(R)", "(TM)", "®", "™", without everything from "@" (the clock speed), without
    /// the words CPU/Processor/APU/SoC, "N-Core" and "with ... Graphics", words separated by one space.
    /// </summary>
    internal static string Normalise(string model)
    {
        var text = model.ToLowerInvariant()
            .Replace("(r)", " ", StringComparison.Ordinal)
            .Replace("(tm)", " ", StringComparison.Ordinal)
            .Replace("®", " ", StringComparison.Ordinal)
            .Replace("™", " ", StringComparison.Ordinal);
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            text = text[..at];
        }

        var with = text.IndexOf(" with ", StringComparison.Ordinal);
        if (with >= 0)
        {
            text = text[..with];
        }

        var result = new StringBuilder(text.Length);
        foreach (var word in text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Array.IndexOf(s_dropWords, word) >= 0 || IsCoreCount(word) || IsClock(word))
            {
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(' ');
            }

            result.Append(word);
        }

        return result.ToString();
    }

    private static bool IsCoreCount(string word)
    {
        // "64-core", "8-core", "dual-core", "quad-core"
        if (!word.EndsWith("-core", StringComparison.Ordinal))
        {
            return false;
        }

        var prefix = word[..^5];
        return prefix is "dual" or "quad" or "six" or "eight" || (prefix.Length > 0 && prefix.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0);
    }

    private static bool IsClock(string word) =>
        word.EndsWith("ghz", StringComparison.Ordinal) && double.TryParse(word[..^3], NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static string[] Words(string normalised) => normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static bool HasDigit(string word) => word.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    private static bool IsSubset(string[] small, string[] large)
    {
        foreach (var word in small)
        {
            if (Array.IndexOf(large, word) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static CpuTdpTable LoadEmbedded()
    {
        using var stream = typeof(CpuTdpTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the CarbonGen assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }
}
