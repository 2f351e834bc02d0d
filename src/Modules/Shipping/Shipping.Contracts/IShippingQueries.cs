namespace OrderManagement.Shipping.Contracts;

public interface IShippingQueries
{
    Task<IReadOnlyList<ShippingHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);
}

public sealed record ShippingHistoryEntry(DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);
