namespace OrderManagement.Inventory.Reservations;

// The units of one shipment that left on-hand stock (docs/adr/0019); ShipmentId null: the rest of the reservation,
// committed by a CommitStock that named no shipment. One per order and shipment (ux_stock_commits_order_shipment).
internal sealed class StockCommit
{
    private StockCommit()
    {
    }

    public Guid Id { get; private init; }
    public Guid OrderId { get; private init; }
    public Guid? ShipmentId { get; private init; }
    public List<ReservationLine> Lines { get; private init; } = [];
    public DateTimeOffset CommittedAt { get; private init; }

    public static StockCommit Of(Guid orderId, Guid? shipmentId, IEnumerable<ReservationLine> lines, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        ShipmentId = shipmentId,
        Lines = lines.ToList(),
        CommittedAt = now,
    };
}
