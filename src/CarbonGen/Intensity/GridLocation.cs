namespace CarbonGen.Intensity;

/// <summary>Where the machine's electricity comes from, as far as the settings (or cloud detection) say.</summary>
/// <param name="Country">The country, given or implied by the region or cloud region; <see langword="null"/> when unknown.</param>
/// <param name="Region">The sub-national region, if configured.</param>
/// <param name="Cloud">The cloud region, if configured or detected.</param>
public sealed record GridLocation(Country? Country, GridRegion? Region, CloudRegion? Cloud)
{
    /// <summary>Whether the machine runs in a known cloud region.</summary>
    public bool OnCloud => Cloud is not null;

    /// <summary>No location at all.</summary>
    public static GridLocation Unknown { get; } = new(null, null, null);
}
