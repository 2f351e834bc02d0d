namespace OrderManagement.BuildingBlocks.Messaging;

// What became of one delivery. Error null: delivered. Deferred: it waited too long for a row lock another transaction
// held; it is tried again soon and the wait is not counted as an attempt (a lock held for minutes must not dead-letter it).
internal sealed record DeliveryOutcome(OutboxEnvelope Envelope, string? Error, bool DeadLettered, bool Deferred = false)
{
    public int AttemptsAfter => Error is null || Deferred ? Envelope.Attempts : Envelope.Attempts + 1;
}
