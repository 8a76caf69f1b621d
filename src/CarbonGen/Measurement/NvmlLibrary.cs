using System;
using System.Runtime.InteropServices;
using System.Text;

namespace CarbonGen.Measurement;

/// <summary>One per-process utilisation sample, as <c>nvmlProcessUtilizationSample_t</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NvmlProcessUtilizationSample
{
    public uint Pid;
    public ulong TimeStamp;
    public uint SmUtil;
    public uint MemUtil;
    public uint EncUtil;
    public uint DecUtil;
}

/// <summary>
/// The NVIDIA Management Library, loaded at run time with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/>
/// and called through unmanaged function pointers: no <c>DllImport</c> bound to a fixed name, nothing for
/// the trimmer or Native AOT to warn about, and a machine without the driver simply has no GPU.
/// </summary>
internal sealed unsafe class NvmlLibrary
{
    internal const int Success = 0;
    internal const int ErrorNotSupported = 3;
    internal const int ErrorNotFound = 6;
    internal const int ErrorInsufficientSize = 7;

    private readonly delegate* unmanaged<int> _init;
    private readonly delegate* unmanaged<int> _shutdown;
    private readonly delegate* unmanaged<uint*, int> _getCount;
    private readonly delegate* unmanaged<uint, IntPtr*, int> _getHandle;
    private readonly delegate* unmanaged<IntPtr, byte*, uint, int> _getName;
    private readonly delegate* unmanaged<IntPtr, byte*, uint, int> _getUuid;
    private readonly delegate* unmanaged<IntPtr, ulong*, int> _getEnergy;
    private readonly delegate* unmanaged<IntPtr, uint*, int> _getPower;
    private readonly delegate* unmanaged<int, byte*> _errorString;
    private readonly delegate* unmanaged<IntPtr, NvmlProcessUtilizationSample*, uint*, ulong, int> _getProcessUtilization;

    private NvmlLibrary(IntPtr handle, string name)
    {
        Name = name;
        _init = (delegate* unmanaged<int>)Export(handle, "nvmlInit_v2");
        _shutdown = (delegate* unmanaged<int>)Export(handle, "nvmlShutdown");
        _getCount = (delegate* unmanaged<uint*, int>)Export(handle, "nvmlDeviceGetCount_v2");
        _getHandle = (delegate* unmanaged<uint, IntPtr*, int>)Export(handle, "nvmlDeviceGetHandleByIndex_v2");
        _getName = (delegate* unmanaged<IntPtr, byte*, uint, int>)Export(handle, "nvmlDeviceGetName");
        _getPower = (delegate* unmanaged<IntPtr, uint*, int>)Export(handle, "nvmlDeviceGetPowerUsage");
        _getUuid = (delegate* unmanaged<IntPtr, byte*, uint, int>)Export(handle, "nvmlDeviceGetUUID");
        _getEnergy = (delegate* unmanaged<IntPtr, ulong*, int>)Export(handle, "nvmlDeviceGetTotalEnergyConsumption");
        _errorString = (delegate* unmanaged<int, byte*>)Export(handle, "nvmlErrorString");
        _getProcessUtilization = (delegate* unmanaged<IntPtr, NvmlProcessUtilizationSample*, uint*, ulong, int>)Export(handle, "nvmlDeviceGetProcessUtilization");
        Missing = _init == null ? "nvmlInit_v2"
            : _shutdown == null ? "nvmlShutdown"
            : _getCount == null ? "nvmlDeviceGetCount_v2"
            : _getHandle == null ? "nvmlDeviceGetHandleByIndex_v2"
            : _getName == null ? "nvmlDeviceGetName"
            : _getPower == null ? "nvmlDeviceGetPowerUsage"
            : null;
    }

    /// <summary>The file name or path the library was loaded from.</summary>
    internal string Name { get; }

    /// <summary>A required entry point the library lacks, or <see langword="null"/>.</summary>
    internal string? Missing { get; }

    internal bool HasEnergyCounter => _getEnergy != null;

    internal bool HasProcessUtilization => _getProcessUtilization != null;

    /// <summary>The library CarbonGen loads when <c>CARBONGEN_NVML_LIBRARY</c> is not set, or <see langword="null"/> on a platform without NVML.</summary>
    internal static string? DefaultName =>
        OperatingSystem.IsLinux() ? "libnvidia-ml.so.1"
        : OperatingSystem.IsWindows() ? "nvml.dll"
        : null;

    internal static NvmlLibrary? TryLoad(string name)
    {
        // Handles are never freed: the driver library stays loaded for the process, as CUDA itself does.
        return NativeLibrary.TryLoad(name, out var handle) ? new NvmlLibrary(handle, name) : null;
    }

    internal int Init() => _init();

    internal int Shutdown() => _shutdown();

    internal int GetCount(out uint count)
    {
        uint value;
        var code = _getCount(&value);
        count = value;
        return code;
    }

    internal int GetHandle(uint index, out IntPtr device)
    {
        IntPtr value;
        var code = _getHandle(index, &value);
        device = value;
        return code;
    }

    internal int GetName(IntPtr device, out string name) => GetText(_getName, device, 96, out name);

    internal int GetUuid(IntPtr device, out string uuid)
    {
        if (_getUuid == null)
        {
            uuid = string.Empty;
            return ErrorNotSupported;
        }

        return GetText(_getUuid, device, 96, out uuid);
    }

    /// <summary>Energy since the driver was loaded, in mJ (Volta and later).</summary>
    internal int GetTotalEnergy(IntPtr device, out ulong millijoules)
    {
        ulong value = 0;
        var code = _getEnergy == null ? ErrorNotSupported : _getEnergy(device, &value);
        millijoules = value;
        return code;
    }

    /// <summary>Current board power in mW.</summary>
    internal int GetPower(IntPtr device, out uint milliwatts)
    {
        uint value;
        var code = _getPower(device, &value);
        milliwatts = value;
        return code;
    }

    /// <summary>Samples newer than <paramref name="lastSeen"/> into <paramref name="buffer"/>; with an empty buffer, asks how many there are.</summary>
    internal int GetProcessUtilization(IntPtr device, Span<NvmlProcessUtilizationSample> buffer, ref uint count, ulong lastSeen)
    {
        if (_getProcessUtilization == null)
        {
            return ErrorNotSupported;
        }

        uint n = count;
        fixed (NvmlProcessUtilizationSample* samples = buffer)
        {
            var code = _getProcessUtilization(device, buffer.IsEmpty ? null : samples, &n, lastSeen);
            count = n;
            return code;
        }
    }

    /// <summary>NVML's text for a return code, with the code.</summary>
    internal string Describe(int code)
    {
        if (_errorString != null)
        {
            var text = _errorString(code);
            if (text != null)
            {
                return $"{Marshal.PtrToStringUTF8((IntPtr)text)} (NVML error {code})";
            }
        }

        return $"NVML error {code}";
    }

    private static int GetText(delegate* unmanaged<IntPtr, byte*, uint, int> function, IntPtr device, int size, out string text)
    {
        var buffer = stackalloc byte[size];
        var code = function(device, buffer, (uint)size);
        if (code != Success)
        {
            text = string.Empty;
            return code;
        }

        var length = new ReadOnlySpan<byte>(buffer, size).IndexOf((byte)0);
        text = Encoding.UTF8.GetString(buffer, length < 0 ? size : length);
        return code;
    }

    private static void* Export(IntPtr handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address) ? (void*)address : null;
}
