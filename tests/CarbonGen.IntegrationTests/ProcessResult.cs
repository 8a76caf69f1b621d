using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CarbonGen.IntegrationTests;

/// <summary>What a finished child process left behind: its exit code and everything it wrote.</summary>
internal sealed record ProcessResult(
    string CommandLine,
    string WorkingDirectory,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed)
{
    /// <summary>Standard output split into lines, without line terminators.</summary>
    public IReadOnlyList<string> OutputLines => StandardOutput.Split('\n', StringSplitOptions.None);

    /// <summary>Standard error split into lines, without line terminators.</summary>
    public IReadOnlyList<string> ErrorLines => StandardError.Split('\n', StringSplitOptions.None);

    /// <summary>The command, its exit code and its full output, for assertion messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder()
            .Append('`').Append(CommandLine).Append("` in ").Append(WorkingDirectory)
            .Append(" exited with ").Append(ExitCode)
            .Append(" after ").Append(Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append(" s")
            .AppendLine()
            .AppendLine("----- stdout -----")
            .AppendLine(StandardOutput)
            .AppendLine("----- stderr -----")
            .AppendLine(StandardError)
            .Append("------------------");
        return text.ToString();
    }
}
