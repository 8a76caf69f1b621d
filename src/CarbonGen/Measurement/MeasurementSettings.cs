using System;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>
/// The measurement settings, read from <c>CARBONGEN_*</c> environment variables. A value that cannot be
/// used produces one warning naming the variable, the value and the fix, and is ignored: the run goes on
/// with the next source (or the default).
/// </summary>
internal sealed record MeasurementSettings
{
    internal const string SysfsRootVariable = "CARBONGEN_SYSFS_ROOT";
    internal const string ProcfsRootVariable = "CARBONGEN_PROCFS_ROOT";
    internal const string CpuTdpVariable = "CARBONGEN_CPU_TDP_WATTS";
    internal const string RamWattsVariable = "CARBONGEN_RAM_WATTS";
    internal const string RaplPsysVariable = "CARBONGEN_RAPL_PSYS";
    internal const string NvmlLibraryVariable = "CARBONGEN_NVML_LIBRARY";
    internal const string IntervalVariable = "CARBONGEN_SAMPLING_INTERVAL_MS";
    internal const string CudaVisibleDevicesVariable = "CUDA_VISIBLE_DEVICES";

    internal const double MaxCpuTdpWatts = 2000;
    internal const double MaxRamWatts = 5000;
    internal const int MinIntervalMilliseconds = 10;

    /// <summary>Below RAPL's wraparound time even for a 32-bit counter on a 1 kW package (262 s).</summary>
    internal const int MaxIntervalMilliseconds = 60_000;

    /// <summary>Where sysfs is mounted (<c>/sys</c>); a container can mount the host's elsewhere.</summary>
    public string SysfsRoot { get; init; } = "/sys";

    /// <summary>Where procfs is mounted (<c>/proc</c>).</summary>
    public string ProcfsRoot { get; init; } = "/proc";

    /// <summary>TDP of one CPU package in watts, as on its specification sheet; multiplied by the sockets counted. <see langword="null"/>: from the table.</summary>
    public double? CpuTdpWatts { get; init; }

    /// <summary>Power of all the machine's memory in watts. <see langword="null"/>: from the RAM model.</summary>
    public double? RamWatts { get; init; }

    /// <summary>Use RAPL's <c>psys</c> (whole platform) domain for the CPU figure even when package domains exist.</summary>
    public bool PreferPsys { get; init; }

    /// <summary>NVML library to load instead of <c>libnvidia-ml.so.1</c>.</summary>
    public string? NvmlLibrary { get; init; }

    /// <summary>The raw <c>CUDA_VISIBLE_DEVICES</c> value; <see langword="null"/> when unset (all GPUs).</summary>
    public string? CudaVisibleDevices { get; init; }

    /// <summary>How often the sampler reads the counters and integrates the models.</summary>
    public TimeSpan SamplingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The settings of the run: power overrides and the sampling interval from the resolved settings
    /// (code, environment, <c>carbongen.json</c>, MSBuild), which have already validated them; roots,
    /// <c>psys</c>, the NVML library and <c>CUDA_VISIBLE_DEVICES</c> from the environment.
    /// </summary>
    internal static MeasurementSettings FromSettings(CarbonOptions options, Action<string>? warn = null) =>
        FromEnvironment(warn, readOverrides: false) with
        {
            CpuTdpWatts = options.CpuTdpWatts,
            RamWatts = options.RamWatts,
            SamplingInterval = TimeSpan.FromSeconds(options.SamplingIntervalSeconds),
        };

    internal static MeasurementSettings FromEnvironment(Action<string>? warn = null, bool readOverrides = true)
    {
        warn ??= static message => Console.Error.WriteLine(message);
        var defaults = new MeasurementSettings();
        return new MeasurementSettings
        {
            SysfsRoot = NonEmpty(Environment.GetEnvironmentVariable(SysfsRootVariable)) ?? defaults.SysfsRoot,
            ProcfsRoot = NonEmpty(Environment.GetEnvironmentVariable(ProcfsRootVariable)) ?? defaults.ProcfsRoot,
            CpuTdpWatts = !readOverrides ? null : ReadWatts(CpuTdpVariable, MaxCpuTdpWatts, "the TDP of one CPU package from its specification sheet, e.g. 65", "the TDP table", warn),
            RamWatts = !readOverrides ? null : ReadWatts(RamWattsVariable, MaxRamWatts, "the power of all the memory, e.g. 10", "the RAM model", warn),
            PreferPsys = ReadBool(RaplPsysVariable, warn),
            NvmlLibrary = NonEmpty(Environment.GetEnvironmentVariable(NvmlLibraryVariable)),
            CudaVisibleDevices = Environment.GetEnvironmentVariable(CudaVisibleDevicesVariable),
            SamplingInterval = (readOverrides ? ReadInterval(warn) : null) ?? defaults.SamplingInterval,
        };
    }

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Parses a power in watts: a finite number greater than 0 and at most <paramref name="max"/>.</summary>
    internal static double? ReadWatts(string variable, double max, string example, string fallback, Action<string> warn)
    {
        var raw = NonEmpty(Environment.GetEnvironmentVariable(variable));
        if (raw is null)
        {
            return null;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var watts) || double.IsNaN(watts) || double.IsInfinity(watts))
        {
            warn($"CarbonGen: warning: {variable}='{raw}' is not a number of watts; set it to {example} (a plain number, '.' as the decimal point) or unset it. Using {fallback} instead.");
            return null;
        }

        if (watts <= 0 || watts > max)
        {
            warn($"CarbonGen: warning: {variable}='{raw}' is out of range: it must be greater than 0 and at most {max.ToString(CultureInfo.InvariantCulture)} W; set it to {example} or unset it. Using {fallback} instead.");
            return null;
        }

        return watts;
    }

    private static bool ReadBool(string variable, Action<string> warn)
    {
        var raw = NonEmpty(Environment.GetEnvironmentVariable(variable));
        switch (raw?.ToLowerInvariant())
        {
            case null:
                return false;
            case "1" or "true" or "yes" or "on":
                return true;
            case "0" or "false" or "no" or "off":
                return false;
            default:
                warn($"CarbonGen: warning: {variable}='{raw}' is not a boolean; use true or false. Using the default (false).");
                return false;
        }
    }

    private static TimeSpan? ReadInterval(Action<string> warn)
    {
        var raw = NonEmpty(Environment.GetEnvironmentVariable(IntervalVariable));
        if (raw is null)
        {
            return null;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) || ms < MinIntervalMilliseconds || ms > MaxIntervalMilliseconds)
        {
            warn($"CarbonGen: warning: {IntervalVariable}='{raw}' is not usable: it must be a whole number of milliseconds from {MinIntervalMilliseconds} to {MaxIntervalMilliseconds}, e.g. 1000. Using the default (1000).");
            return null;
        }

        return TimeSpan.FromMilliseconds(ms);
    }
}
