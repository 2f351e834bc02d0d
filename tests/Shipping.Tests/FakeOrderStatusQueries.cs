using System.Collections.Concurrent;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Shipping.Tests;

// Ordering's order-status query as a test sets it: an order not set is unknown.
public sealed class FakeOrderStatusQueries : IOrderStatusQueries
{
    private readonly ConcurrentDictionary<Guid, OrderStatusSnapshot> _orders = new();

    public void Set(Guid orderId, OrderStatus status, bool cancellationRequested = false, params string[] skus) =>
        _orders[orderId] = new OrderStatusSnapshot(orderId, status, cancellationRequested, skus.Length > 0 ? skus : ["TSHIRT-RED-M", "MUG-01"]);

    public Task<OrderStatusSnapshot?> GetOrderStatusAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_orders.GetValueOrDefault(orderId));
}
