namespace CarbonGen.Measurement;

/// <summary>Where a source stands.</summary>
internal enum SourceState
{
    /// <summary>Not tried: an earlier source of the same component is in use.</summary>
    Standby = 0,

    /// <summary>Supplying the figures of its component.</summary>
    Used = 1,

    /// <summary>Tried and not usable (no such hardware, no permission, no driver); <see cref="EnergySourceStatus.Detail"/> says why.</summary>
    NotUsed = 2,

    /// <summary>Was in use and stopped mid-run (a counter vanished, went bad, a driver call failed). Its figures up to then are kept.</summary>
    Failed = 3,
}

/// <summary>A source's state and, in words, why.</summary>
/// <param name="State">Whether the source is used.</param>
/// <param name="Detail">What it reads, or why it is not used; one line, meant for people.</param>
internal sealed record EnergySourceStatus(SourceState State, string Detail)
{
    internal static readonly EnergySourceStatus NotStarted = new(SourceState.Standby, "not tried yet");

    internal static EnergySourceStatus Used(string detail) => new(SourceState.Used, detail);

    internal static EnergySourceStatus NotUsed(string why) => new(SourceState.NotUsed, why);

    internal static EnergySourceStatus Failed(string why) => new(SourceState.Failed, why);

    /// <inheritdoc />
    public override string ToString() => State switch
    {
        SourceState.Used => "used: " + Detail,
        SourceState.NotUsed => "not used: " + Detail,
        SourceState.Failed => "failed: " + Detail,
        _ => "standby: " + Detail,
    };
}
