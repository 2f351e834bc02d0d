namespace OrderManagement.Inventory.Reservations;

// Units of an order's reservation given back by one line cancellation (docs/adr/0021).
internal sealed class StockLineRelease
{
    public Guid CancellationId { get; init; }
    public List<ReservationLine> Lines { get; init; } = [];
    public DateTimeOffset ReleasedAt { get; init; }
}
