namespace OrderManagement.BuildingBlocks.Web;

public sealed class IntakeOptions
{
    public const string Section = "Api:Intake";

    // Requests of an intake endpoint (placing orders) handled at once; more than this wait in the queue.
    public int MaxConcurrent { get; set; } = 32;

    // Requests that may wait for a slot; beyond that they are turned away at once with 503.
    public int QueueLimit { get; set; } = 128;
}
