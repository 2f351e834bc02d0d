namespace OrderManagement.BuildingBlocks.Messaging;

// Since when an outbox row has been deliverable. A lock-wait deferral moves available_at but keeps due_since, so a
// blocked message keeps ageing; a deliberately scheduled row (deadline, retry backoff) is not due before its time.
// Readiness, the age metric and the operators' figures all measure from this one anchor.
internal static class OutboxDue
{
    public const string Since = "coalesce(due_since, available_at)";

    // Deliverable at $1 and not dead-lettered; the OR lets each side use its partial index.
    public const string At1 = "dead_lettered_at IS NULL AND (available_at <= $1 OR due_since <= $1)";
}
