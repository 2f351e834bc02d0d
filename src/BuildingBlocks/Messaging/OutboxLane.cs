namespace OrderManagement.BuildingBlocks.Messaging;

// Which rows of an outbox one lane delivers: one consumer's, or (Consumer null) those of every consumer this host
// does not know, so a row whose consumer was removed is still tried, fails and is dead-lettered instead of waiting forever.
internal sealed record OutboxLane(string? Consumer, string[] KnownConsumers)
{
    public string Name => Consumer ?? "(unknown consumers)";
}
