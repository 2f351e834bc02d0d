namespace OrderManagement.BuildingBlocks.History;

// One state change of something that belongs to an order, appended by the module that owns it and never updated.
public sealed class HistoryRecord
{
    public long Id { get; init; }

    // The recording transaction's id, filled in by the database: the order in which an order's history is numbered.
    public long TransactionId { get; init; }

    public Guid OrderId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public required string Subject { get; init; }
    public Guid SubjectId { get; init; }
    public required string Event { get; init; }
    public string? FromState { get; init; }
    public string? ToState { get; init; }
    public string? Detail { get; init; }

    // W3C trace id (32 hex digits) of the request or message the change happened in.
    public string? TraceId { get; init; }
}
