namespace OrderManagement.Shipping.Shipments;

// Units an order's line cancellation took off its remainder shipment (docs/adr/0021); kept so that a repeat of the
// same cancellation changes nothing and a later dispatch of the remainder names its lines.
internal sealed class ShipmentLineCancellation
{
    public Guid CancellationId { get; init; }
    public List<ShipmentLineItem> Lines { get; init; } = [];
    public DateTimeOffset CancelledAt { get; init; }
}
