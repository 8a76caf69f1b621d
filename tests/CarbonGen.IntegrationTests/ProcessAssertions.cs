using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CarbonGen.IntegrationTests;

/// <summary>Checks on how a child process ended and what it printed.</summary>
internal static partial class ProcessAssertions
{
    public static void Succeeded(ProcessResult result) =>
        Assert.True(result.ExitCode == 0, $"Expected exit code 0.{Environment.NewLine}{result.Describe()}");

    /// <summary>
    /// No line reports a warning: compiler, NuGet, SDK, trimming or AOT (IL2xxx/IL3xxx). MSBuild always
    /// writes the category in lower case ("warning CS8618:", "ILC: warning IL3050:"), so the
    /// summary's "0 Warning(s)" does not count.
    /// </summary>
    public static void HasNoWarnings(ProcessResult result)
    {
        var warnings = result.OutputLines.Concat(result.ErrorLines).Where(line => WarningPattern().IsMatch(line)).ToList();
        Assert.True(
            warnings.Count == 0,
            $"Expected no warnings, found {warnings.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, warnings)}{Environment.NewLine}{result.Describe()}");
    }

    [GeneratedRegex(@"\bwarning\b", RegexOptions.CultureInvariant)]
    private static partial Regex WarningPattern();
}
