using OrderManagement.BuildingBlocks.History;

namespace OrderManagement.Shipping.Shipments;

internal sealed class Shipment
{
    private Shipment()
    {
    }

    public Guid Id { get; private init; }
    public Guid OrderId { get; private init; }
    public ShipmentStatus Status { get; internal set; }
    public string? Carrier { get; private set; }
    public string? TrackingNumber { get; private set; }
    public List<ShipmentLineItem> Lines { get; private init; } = [];
    public required string AddressJson { get; init; }
    public DateTimeOffset CreatedAt { get; private init; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Shipment Create(Guid orderId, IEnumerable<ShipmentLineItem> lines, string addressJson, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        OrderId = orderId,
        Status = ShipmentStatus.ReadyToShip,
        Lines = lines.ToList(),
        AddressJson = addressJson,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Dispatch(string carrier, string trackingNumber, DateTimeOffset now, IHistoryLog history)
    {
        Apply(ShipmentTrigger.Dispatch, now, history, $"{carrier} {trackingNumber}");
        Carrier = carrier;
        TrackingNumber = trackingNumber;
    }

    // Fires a lifecycle trigger; the machine writes the transition to the order's history. An illegal one throws,
    // naming the state and trigger.
    public void Apply(ShipmentTrigger trigger, DateTimeOffset now, IHistoryLog history, string? detail = null)
    {
        var machine = ShipmentStateMachine.For(this);
        machine.OnTransitioned(t => history.Record(OrderId, "Shipment", Id, ShipmentStateMachine.EventOf(t.Trigger),
            t.Source.ToString(), t.Destination.ToString(), detail));
        machine.Fire(trigger);
        UpdatedAt = now;
    }
}
