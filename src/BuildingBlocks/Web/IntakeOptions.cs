namespace OrderManagement.BuildingBlocks.Web;

public sealed class IntakeOptions
{
    public const string Section = "Api:Intake";

    // Requests of an intake endpoint (placing orders) handled at once; more than this wait in the queue.
    public int MaxConcurrent { get; set; } = 32;

    // Requests that may wait for a slot; beyond that they are turned away at once with 503.
    public int QueueLimit { get; set; } = 128;

    // How far behind the pipeline may be (PipelineBacklog: how long a queue of due messages in an outbox has waited)
    // before new orders are turned away with 503 backlog: an accepted order should be confirmed in about a second, not
    // wait behind a queue.
    public TimeSpan MaxBacklogAge { get; set; } = TimeSpan.FromSeconds(0.5);
}
