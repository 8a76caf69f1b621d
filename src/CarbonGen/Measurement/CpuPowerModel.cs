using System;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>Where the CPU's rated power came from.</summary>
internal enum TdpOrigin
{
    /// <summary><c>CARBONGEN_CPU_TDP_WATTS</c>.</summary>
    Override = 0,

    /// <summary>The CPU model was found in the TDP table.</summary>
    Table = 1,

    /// <summary>The CPU model is unknown: <see cref="CpuPowerModel.WattsPerUnknownLogicalCpu"/> per logical CPU.</summary>
    PerLogicalCpu = 2,
}

/// <summary>
/// The CPU power model used when no counter is readable: a rated power (TDP) and a load-to-power curve.
/// </summary>
/// <remarks>
/// <para><b>Curve</b>: linear with an idle floor, <c>P = TDP × (0.1 + 0.9 × u)</c>, where <c>u</c> is the
/// machine's CPU utilisation (0 to 1) over the interval from <c>/proc/stat</c>. The 10 % floor is
/// CodeCarbon's idle figure, so the two agree on an idle machine. CodeCarbon's machine mode bends the same
/// range with a cube (<c>0.1 + 0.9 × u³</c>); CarbonGen stays linear because CodeCarbon's own calibration
/// runs (<c>cpu_load_profiling</c>, all-cores series, RAPL package power against load) are closer to a
/// straight line: mean absolute error 14.2 W linear vs 18.8 W cubic on an EPYC 8024P, 14.8 vs 51.6 W on a
/// Threadripper 1950X, 16.2 vs 33.5 W on a Xeon E5-2620 v3, 16.0 vs 18.6 W and 17.0 vs 4.2 W on the two
/// Xeon E3-1240 v2 series. The cube under-estimates every mid-load figure, which is where most programs
/// run.</para>
/// <para><b>Rated power</b>: <c>CARBONGEN_CPU_TDP_WATTS</c> (one package, as on its specification sheet),
/// else the model from <c>cpuinfo</c> matched in <see cref="CpuTdpTable"/>, times the sockets counted;
/// else 4 W per logical CPU (CodeCarbon's figure for a CPU it detects but cannot find).</para>
/// </remarks>
internal sealed record CpuPowerModel(double TotalWatts, double WattsPerPackage, int Sockets, TdpOrigin Origin, string Description, int LogicalCpus)
{
    internal const double IdleFraction = 0.1;

    internal const double WattsPerUnknownLogicalCpu = 4.0;

    /// <summary>Power at utilisation <paramref name="load"/> (0 to 1, clamped).</summary>
    internal double Watts(double load) => TotalWatts * (IdleFraction + ((1 - IdleFraction) * Math.Clamp(load, 0, 1)));

    /// <summary>The rated power shared by the logical CPUs: what one second of CPU time costs in the CPU-time model.</summary>
    internal double WattsPerLogicalCpu => TotalWatts / Math.Max(1, LogicalCpus);

    internal static CpuPowerModel Resolve(CpuInfo cpu, double? overrideWatts, CpuTdpTable? table = null)
    {
        var sockets = Math.Max(1, cpu.Sockets);
        var vmNote = cpu.IsVirtualMachine ? "; a virtual machine: this is the whole host socket's power, set CARBONGEN_CPU_TDP_WATTS for this guest's share" : string.Empty;
        if (overrideWatts is { } watts)
        {
            return new CpuPowerModel(watts * sockets, watts, sockets, TdpOrigin.Override, Format($"{MeasurementSettings.CpuTdpVariable}={watts} W x {sockets} socket(s)"),
                cpu.LogicalCpus);
        }

        table ??= CpuTdpTable.Embedded;
        if (table.TryMatch(cpu.ModelName, out var match))
        {
            return new CpuPowerModel(
                match.Watts * sockets,
                match.Watts,
                sockets,
                TdpOrigin.Table,
                Format($"'{cpu.ModelName}' = '{match.TableName}' ({MatchWords(match.Kind)}), TDP {match.Watts} W x {sockets} socket(s){vmNote}"),
                cpu.LogicalCpus);
        }

        var total = WattsPerUnknownLogicalCpu * cpu.LogicalCpus;
        var model = cpu.ModelName is null ? "the CPU model is unknown" : $"'{cpu.ModelName}' is not in the TDP table";
        return new CpuPowerModel(
            total,
            total / sockets,
            sockets,
            TdpOrigin.PerLogicalCpu,
            Format($"{model}: {WattsPerUnknownLogicalCpu} W x {cpu.LogicalCpus} logical CPUs; set {MeasurementSettings.CpuTdpVariable} to the TDP of one package"),
            cpu.LogicalCpus);
    }

    private static string MatchWords(TdpMatchKind kind) => kind switch
    {
        TdpMatchKind.Exact => "exact",
        TdpMatchKind.Normalised => "normalised",
        _ => "word set",
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
