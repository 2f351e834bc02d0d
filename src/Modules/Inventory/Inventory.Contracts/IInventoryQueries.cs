namespace OrderManagement.Inventory.Contracts;

public interface IInventoryQueries
{
    Task<IReadOnlyList<InventoryHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);
}

public sealed record InventoryHistoryEntry(DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);
