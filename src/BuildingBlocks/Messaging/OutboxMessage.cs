namespace OrderManagement.BuildingBlocks.Messaging;

// One delivery of one message to one consuming module; deleted once delivered, kept when dead-lettered.
internal sealed class OutboxMessage
{
    public Guid Id { get; init; }
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public required string Type { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset AvailableAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? CorrelationId { get; init; }
    public string? TraceParent { get; init; }
    public DateTimeOffset? DeadLetteredAt { get; set; }

    // Since when it has been deliverable, kept while lock waits defer it (OutboxDue); null until it is first deferred.
    public DateTimeOffset? DueSince { get; set; }
}
