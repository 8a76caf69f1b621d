using System;
using System.Collections.Generic;
using System.Text;

namespace CarbonGen.Reporting;

/// <summary>
/// The summary's one line about the energy sources that are not used, and why:
/// <c>Energy sources not used: cpu rapl (…), gpu nvml (…); partly used: cpu rapl (stopped mid-run: …)</c>.
/// </summary>
internal static class EnergySourcesLine
{
    /// <summary>Longest reason printed in full; a longer one loses its explanation in parentheses or after a semicolon, then is cut.</summary>
    internal const int MaxReasonLength = 72;

    /// <summary>The line, or <see langword="null"/> when every source listed is in use (or none is listed).</summary>
    internal static string? Format(IReadOnlyList<EnergySourceReport> sources)
    {
        var notUsed = new StringBuilder();
        var partly = new StringBuilder();
        foreach (var source in sources)
        {
            if (source.Reason is null)
            {
                continue;
            }

            var list = source.Used ? partly : notUsed;
            list.Append(list.Length == 0 ? string.Empty : ", ")
                .Append(source.Component).Append(' ').Append(source.Source)
                .Append(" (").Append(Shorten(source.Reason)).Append(')');
        }

        if (notUsed.Length == 0 && partly.Length == 0)
        {
            return null;
        }

        var line = new StringBuilder("Energy sources");
        if (notUsed.Length > 0)
        {
            line.Append(" not used: ").Append(notUsed);
        }

        if (partly.Length > 0)
        {
            line.Append(notUsed.Length > 0 ? "; " : " ").Append("partly used: ").Append(partly);
        }

        return line.Append('.').ToString();
    }

    /// <summary>One short clause: the reason up to its first explanation (<c> (</c> or <c>; </c>) when it is long, then cut with an ellipsis.</summary>
    internal static string Shorten(string reason)
    {
        var text = reason.ReplaceLineEndings(" ").Trim();
        if (text.Length <= MaxReasonLength)
        {
            return text;
        }

        var cut = FirstOf(text, " (", "; ");
        if (cut > 0)
        {
            text = text[..cut];
        }

        return text.Length <= MaxReasonLength ? text : string.Concat(text.AsSpan(0, MaxReasonLength - 1), "…");
    }

    private static int FirstOf(string text, string a, string b)
    {
        var i = text.IndexOf(a, StringComparison.Ordinal);
        var j = text.IndexOf(b, StringComparison.Ordinal);
        return i < 0 ? j : j < 0 ? i : Math.Min(i, j);
    }
}
