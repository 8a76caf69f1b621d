using System;

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
    internal const string CudaVisibleDevicesVariable = "CUDA_VISIBLE_DEVICES";

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
        FromEnvironment(warn) with
        {
            CpuTdpWatts = options.CpuTdpWatts,
            RamWatts = options.RamWatts,
            SamplingInterval = TimeSpan.FromSeconds(options.SamplingIntervalSeconds),
        };

    /// <summary>
    /// The settings read from the environment only: roots, <c>psys</c>, the NVML library and
    /// <c>CUDA_VISIBLE_DEVICES</c>. The power overrides and the interval come from <see cref="FromSettings"/>.
    /// </summary>
    internal static MeasurementSettings FromEnvironment(Action<string>? warn = null)
    {
        warn ??= static message => Console.Error.WriteLine(message);
        var defaults = new MeasurementSettings();
        return new MeasurementSettings
        {
            SysfsRoot = NonEmpty(Environment.GetEnvironmentVariable(SysfsRootVariable)) ?? defaults.SysfsRoot,
            ProcfsRoot = ProcfsRootFromEnvironment(),
            PreferPsys = ReadBool(RaplPsysVariable, warn),
            NvmlLibrary = NonEmpty(Environment.GetEnvironmentVariable(NvmlLibraryVariable)),
            CudaVisibleDevices = Environment.GetEnvironmentVariable(CudaVisibleDevicesVariable),
        };
    }

    /// <summary>Where procfs is mounted: <c>$CARBONGEN_PROCFS_ROOT</c>, else <c>/proc</c>.</summary>
    internal static string ProcfsRootFromEnvironment() =>
        NonEmpty(Environment.GetEnvironmentVariable(ProcfsRootVariable)) ?? new MeasurementSettings().ProcfsRoot;

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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
}
