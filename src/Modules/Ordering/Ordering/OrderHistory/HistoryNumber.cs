namespace OrderManagement.Ordering.OrderHistory;

// The sequence number a history entry (module, event, occurred at) was first shown with.
internal sealed class HistoryNumber
{
    public Guid OrderId { get; init; }
    public int Sequence { get; init; }
    public required string Module { get; init; }
    public required string Event { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
