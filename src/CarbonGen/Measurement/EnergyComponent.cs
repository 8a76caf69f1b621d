namespace CarbonGen.Measurement;

/// <summary>The parts of the machine whose energy is counted separately, as in CodeCarbon's <c>cpu_energy</c>, <c>gpu_energy</c> and <c>ram_energy</c> columns.</summary>
internal enum EnergyComponent
{
    /// <summary>CPU packages (RAPL <c>package-N</c>, or <c>psys</c> for the whole platform).</summary>
    Cpu = 0,

    /// <summary>GPUs (NVML).</summary>
    Gpu = 1,

    /// <summary>Memory (RAPL <c>dram</c>, or a model).</summary>
    Ram = 2,
}

/// <summary>The labels that travel with every figure (<c>energy_source</c>), so nobody mistakes an estimate for a measurement.</summary>
internal static class EnergySourceNames
{
    /// <summary>Intel/AMD RAPL counters through the Linux powercap interface. Measured.</summary>
    internal const string Rapl = "rapl";

    /// <summary>hwmon <c>energy*_input</c> counters (e.g. the <c>amd_energy</c> driver). Measured.</summary>
    internal const string Hwmon = "hwmon";

    /// <summary>NVIDIA Management Library: the GPU's energy counter, or its power samples integrated over time. Measured.</summary>
    internal const string Nvml = "nvml";

    /// <summary>CPU thermal design power from the embedded table and the machine's CPU load. Estimated.</summary>
    internal const string TdpModel = "tdp-model";

    /// <summary>Memory power from the installed memory size. Estimated.</summary>
    internal const string RamModel = "ram-model";

    internal static string ComponentName(EnergyComponent component) => component switch
    {
        EnergyComponent.Cpu => "cpu",
        EnergyComponent.Gpu => "gpu",
        _ => "ram",
    };
}
