using System;

namespace CarbonGen.Measurement;

/// <summary>
/// Memory power when RAPL has no <c>dram</c> domain: CodeCarbon 3's DIMM heuristic, re-derived.
/// </summary>
/// <remarks>
/// <para>Memory power follows the number of modules far more than their size, so the installed size is
/// turned into a likely DIMM count and each DIMM costs <see cref="WattsPerDimmX86"/> (1.5 W on ARM):</para>
/// <list type="bullet">
/// <item><c>MemTotal</c> up to 2 GiB: 1 DIMM; up to 16 GiB: 2; up to 64 GiB: 4; up to 128 GiB: 8;</item>
/// <item>above, the installed size (<c>MemTotal</c> / 0.97: the kernel keeps about 3 % for itself) divided by
/// the largest common module (16, 32, 64 or 128 GB) that fills at most an eighth of it, rounded, 8 to 32;</item>
/// <item>DIMMs 1 to 4 count fully, 5 to 8 at 90 %, 9 to 16 at 80 %, the rest at 70 % (more modules per
/// channel run at lower power each);</item>
/// <item>at least 10 W on x86 and 3 W on ARM.</item>
/// </list>
/// <para>8 GB: 10 W; 32 or 64 GB: 20 W; 128 GB to 1 TB: 38 W; 2 TB: 70 W. CodeCarbon 2's 3 W per 8 GB would
/// say 384 W for 1 TB, the over-estimate its users reported. <c>CARBONGEN_RAM_WATTS</c> replaces the
/// estimate.</para>
/// </remarks>
internal static class RamPowerModel
{
    internal const double WattsPerDimmX86 = 5.0;
    internal const double WattsPerDimmArm = 1.5;
    internal const double MinimumWattsX86 = 10.0;
    internal const double MinimumWattsArm = 3.0;
    internal const double KernelShare = 0.97;

    private static readonly int[] s_moduleSizes = [128, 64, 32, 16];

    internal static int EstimateDimms(double memTotalGibibytes)
    {
        // MemTotal is a little below the installed size, so it is compared with the sizes directly.
        var installed = memTotalGibibytes / KernelShare;
        if (memTotalGibibytes <= 2)
        {
            return 1;
        }

        if (memTotalGibibytes <= 16)
        {
            return 2;
        }

        if (memTotalGibibytes <= 64)
        {
            return 4;
        }

        if (memTotalGibibytes <= 128)
        {
            return 8;
        }

        var module = 16;
        foreach (var size in s_moduleSizes)
        {
            if (size <= installed / 8)
            {
                module = size;
                break;
            }
        }

        return Math.Clamp((int)Math.Round(installed / module), 8, 32);
    }

    internal static double Watts(double memTotalGibibytes, bool arm)
    {
        var perDimm = arm ? WattsPerDimmArm : WattsPerDimmX86;
        var dimms = EstimateDimms(memTotalGibibytes);
        double watts = 0;
        for (var i = 1; i <= dimms; i++)
        {
            watts += perDimm * (i <= 4 ? 1.0 : i <= 8 ? 0.9 : i <= 16 ? 0.8 : 0.7);
        }

        return Math.Max(watts, arm ? MinimumWattsArm : MinimumWattsX86);
    }
}
