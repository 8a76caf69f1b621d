using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace CarbonGen.Tests.Measurement;

/// <summary>
/// A fake libnvidia-ml built once per test run from FakeNvml/fake_nvml.c with the machine's C compiler,
/// answering from a key=value file the tests rewrite (see the C file's header for the keys).
/// </summary>
internal sealed class FakeNvml
{
    private static readonly Lazy<FakeNvml> s_instance = new(Build);
    private readonly CallsFunction _calls;

    private FakeNvml(string library, string config)
    {
        LibraryPath = library;
        ConfigPath = config;
        _calls = Marshal.GetDelegateForFunctionPointer<CallsFunction>(NativeLibrary.GetExport(NativeLibrary.Load(library), "fake_nvml_calls"));
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int CallsFunction([MarshalAs(UnmanagedType.LPUTF8Str)] string name);

    public static FakeNvml Instance => s_instance.Value;

    public string LibraryPath { get; }

    public string ConfigPath { get; }

    /// <summary>Replaces the fake's answers.</summary>
    public void Configure(params string[] lines) => File.WriteAllText(ConfigPath, string.Join('\n', lines) + "\n");

    public int Calls(string function) => _calls(function);

    private static FakeNvml Build()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Measurement", "FakeNvml", "fake_nvml.c");
        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"{source} is missing: the test project copies FakeNvml/fake_nvml.c to its output.");
        }

        var compiler = FindCompiler() ?? throw new InvalidOperationException(
            "The NVML tests need a C compiler to build their fake libnvidia-ml, and none of cc, gcc or clang is on PATH. " +
            "Install one (e.g. 'apt-get install gcc'); CI images have gcc.");

        var dir = Path.Combine(Path.GetTempPath(), "carbongen-fake-nvml-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var config = Path.Combine(dir, "nvml.cfg");
        var library = Path.Combine(dir, "libfake-nvml.so");
        File.WriteAllText(config, string.Empty);

        var start = new ProcessStartInfo(compiler)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-shared", "-fPIC", "-O1", "-Wall", "-Wextra", "-Werror", $"-DFAKE_NVML_CONFIG=\"{config}\"", "-o", library, source })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        output.Append(process.StandardOutput.ReadToEnd()).Append(process.StandardError.ReadToEnd());
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{compiler} could not build the fake libnvidia-ml (exit {process.ExitCode}):\n{output}");
        }

        return new FakeNvml(library, config);
    }

    private static string? FindCompiler()
    {
        foreach (var name in new[] { "cc", "gcc", "clang" })
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
