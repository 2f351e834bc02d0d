using System.Collections.Concurrent;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Tests;

// Inventory's, Payments' and Shipping's queries, faked: each answers the history entries a test gave it for an order,
// and no reservation, payment or shipment.
internal sealed class FakeModuleHistories : IInventoryQueries, IPaymentQueries, IShippingQueries
{
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<InventoryHistoryEntry>> _inventory = new();
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<PaymentHistoryEntry>> _payments = new();
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<ShippingHistoryEntry>> _shipping = new();

    public void Set(Guid orderId, params InventoryHistoryEntry[] entries) => _inventory[orderId] = entries;

    public void Set(Guid orderId, params PaymentHistoryEntry[] entries) => _payments[orderId] = entries;

    public void Set(Guid orderId, params ShippingHistoryEntry[] entries) => _shipping[orderId] = entries;

    public void Clear()
    {
        _inventory.Clear();
        _payments.Clear();
        _shipping.Clear();
    }

    Task<IReadOnlyList<InventoryHistoryEntry>> IInventoryQueries.GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_inventory.GetValueOrDefault(orderId, []));

    Task<IReadOnlyList<PaymentHistoryEntry>> IPaymentQueries.GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_payments.GetValueOrDefault(orderId, []));

    Task<IReadOnlyList<ShippingHistoryEntry>> IShippingQueries.GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult(_shipping.GetValueOrDefault(orderId, []));

    Task<ReservationSnapshot?> IInventoryQueries.GetReservationAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult<ReservationSnapshot?>(null);

    Task<PaymentSnapshot?> IPaymentQueries.GetPaymentAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult<PaymentSnapshot?>(null);

    Task<ShipmentSnapshot?> IShippingQueries.GetShipmentAsync(Guid orderId, CancellationToken cancellationToken) =>
        Task.FromResult<ShipmentSnapshot?>(null);
}
