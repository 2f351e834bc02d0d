namespace OrderManagement.Ordering.Contracts;

/// <summary>
/// An order's status as Ordering holds it, for a module that must refuse work on an order in the wrong state (Shipping
/// carving a shipment out of an order: docs/adr/0019).
/// </summary>
public interface IOrderStatusQueries
{
    /// <summary>The order's status, or null when there is no such order.</summary>
    Task<OrderStatusSnapshot?> GetOrderStatusAsync(Guid orderId, CancellationToken cancellationToken);
}

/// <summary>
/// CancellationRequested: a cancellation was accepted and has not completed; Skus: the SKUs of the order's lines.
/// </summary>
public sealed record OrderStatusSnapshot(Guid OrderId, OrderStatus Status, bool CancellationRequested, IReadOnlyList<string> Skus);
