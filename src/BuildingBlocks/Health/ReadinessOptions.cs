namespace OrderManagement.BuildingBlocks.Health;

public sealed class ReadinessOptions
{
    public const string Section = "Readiness";

    // A module whose oldest due outbox row has waited longer than this is not ready: its messages do not move.
    public TimeSpan MaxMessageAge { get; set; } = TimeSpan.FromMinutes(1);
}
