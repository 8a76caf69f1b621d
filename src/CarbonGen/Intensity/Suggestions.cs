using System;
using System.Collections.Generic;
using System.Linq;

namespace CarbonGen.Intensity;

/// <summary>Finds the valid values closest to a mistyped one, for "did you mean" messages.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidates closest to <paramref name="value"/> by edit distance (case-insensitive), best
    /// first; a candidate that starts with the value, or contains it, counts as close.
    /// </summary>
    internal static IReadOnlyList<string> Closest(string value, IEnumerable<(string Key, string Display)> candidates, int count = 3)
    {
        var needle = value.Trim().ToUpperInvariant();
        return candidates
            .Select(c => (c.Display, Score: Score(needle, c.Key.ToUpperInvariant())))
            .Where(c => c.Score <= Math.Max(2, needle.Length / 2))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Display, StringComparer.Ordinal)
            .Select(c => c.Display)
            .Distinct(StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }

    private static int Score(string needle, string key)
    {
        if (needle.Length == 0)
        {
            return int.MaxValue;
        }

        if (key.StartsWith(needle, StringComparison.Ordinal) || needle.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3)
        {
            return 1;
        }

        return Distance(needle, key);
    }

    /// <summary>Levenshtein distance.</summary>
    internal static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Joins suggestions as <c>'A', 'B' or 'C'</c>.</summary>
    internal static string Join(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return string.Empty;
        }

        var quoted = values.Select(v => "'" + v + "'").ToList();
        return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.Take(quoted.Count - 1)) + " or " + quoted[^1];
    }
}
