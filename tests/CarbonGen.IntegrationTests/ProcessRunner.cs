using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CarbonGen.IntegrationTests;

/// <summary>
/// Starts child processes (the dotnet CLI and the built applications) with a clean environment,
/// captures their output in full and gives up on them after a time limit.
/// </summary>
internal static class ProcessRunner
{
    /// <summary>Generous: a cold Native AOT publish on a small machine takes minutes.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Quiet, reproducible dotnet CLI runs.</summary>
    private static readonly IReadOnlyDictionary<string, string> FixedVariables = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>
    /// Set by the test host's own MSBuild; a child dotnet process that inherits them can load the
    /// wrong MSBuild or SDK.
    /// </summary>
    private static readonly string[] RemovedVariables = ["MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath"];

    /// <summary>Runs the dotnet CLI that runs these tests (or the one on PATH).</summary>
    public static Task<ProcessResult> DotnetAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunAsync(DotnetPath(), arguments, workingDirectory, environment);

    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in RemovedVariables)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in FixedVariables.Concat(environment ?? new Dictionary<string, string>()))
        {
            startInfo.Environment[name] = value;
        }

        var commandLine = string.Join(' ', new[] { Path.GetFileName(fileName) }.Concat(startInfo.ArgumentList.Select(Quote)));
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var limit = timeout ?? DefaultTimeout;
        using (var cancellation = new CancellationTokenSource(limit))
        {
            try
            {
                // Also waits until both output streams are read to their end.
                await process.WaitForExitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                var timedOut = new ProcessResult(commandLine, workingDirectory, -1, Text(output), Text(error), clock.Elapsed);
                throw new TimeoutException($"Killed after the {limit.TotalMinutes:0} minute limit.{Environment.NewLine}{timedOut.Describe()}");
            }
        }

        return new ProcessResult(commandLine, workingDirectory, process.ExitCode, Text(output), Text(error), clock.Elapsed);
    }

    private static string DotnetPath()
    {
        // `dotnet test` tells the test host which muxer started it.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    private static string Text(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
