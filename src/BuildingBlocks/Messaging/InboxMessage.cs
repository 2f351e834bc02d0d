namespace OrderManagement.BuildingBlocks.Messaging;

// A message a module has handled; the primary key (message id, consumer) makes redelivery harmless.
internal sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset HandledAt { get; init; }
}
