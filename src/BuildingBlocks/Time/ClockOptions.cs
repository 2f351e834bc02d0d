namespace OrderManagement.BuildingBlocks.Time;

public sealed class ClockOptions
{
    public const string Section = "Clock";

    // How often the host samples the database's clock_timestamp() to correct its own clock.
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(10);

    // A host clock further than this from the database's is reported: a warning in the log and not ready (503).
    public TimeSpan SkewTolerance { get; set; } = TimeSpan.FromSeconds(2);
}
