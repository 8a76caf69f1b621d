using System;
using System.Collections.Generic;
using System.Globalization;

namespace CarbonGen.Measurement;

/// <summary>
/// Which GPUs <c>CUDA_VISIBLE_DEVICES</c> lets this process use, with CUDA's rules: a comma-separated list
/// of indices or UUIDs (<c>GPU-…</c>, a unique prefix is enough); an empty value hides every GPU; the list
/// stops at the first entry that names no device. Unset: every GPU.
/// </summary>
/// <remarks>
/// Indices are NVML's, in PCI bus order. CUDA numbers GPUs fastest first unless
/// <c>CUDA_DEVICE_ORDER=PCI_BUS_ID</c>; on a machine with different GPU models, set that (or use UUIDs) for
/// the two to agree. MIG instance UUIDs (<c>MIG-…</c>) are not mapped to their GPU yet and end the list.
/// </remarks>
internal static class CudaVisibleDevices
{
    /// <param name="value">The variable's value, <see langword="null"/> when unset.</param>
    /// <param name="uuids">The UUID of each NVML device, by index (empty when unknown).</param>
    /// <param name="note">Set when entries were ignored, saying which and why.</param>
    internal static List<int> Select(string? value, IReadOnlyList<string> uuids, out string? note)
    {
        note = null;
        var visible = new List<int>();
        if (value is null)
        {
            for (var i = 0; i < uuids.Count; i++)
            {
                visible.Add(i);
            }

            return visible;
        }

        foreach (var raw in value.Split(','))
        {
            var entry = raw.Trim();
            if (entry.Length == 0)
            {
                break;
            }

            var index = -1;
            if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                index = number < uuids.Count ? number : -1;
            }
            else if (entry.StartsWith("GPU-", StringComparison.OrdinalIgnoreCase))
            {
                for (var i = 0; i < uuids.Count; i++)
                {
                    if (uuids[i].StartsWith(entry, StringComparison.OrdinalIgnoreCase))
                    {
                        index = index == -1 ? i : -2; // -2: ambiguous prefix
                    }
                }
            }

            if (index < 0 || visible.Contains(index))
            {
                note = $"CUDA_VISIBLE_DEVICES='{value}': '{entry}' names no single GPU of the {uuids.Count} present, so it and the entries after it are ignored (as CUDA does)";
                break;
            }

            visible.Add(index);
        }

        return visible;
    }
}
