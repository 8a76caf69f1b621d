namespace CarbonGen;

/// <summary>What the energy figures cover (CodeCarbon's <c>tracking_mode</c>).</summary>
public enum TrackingMode
{
    /// <summary>Only this process: its CPU time and working set.</summary>
    Process,

    /// <summary>The whole machine (used by power sensors that can only read the machine).</summary>
    Machine,
}
