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

    public (string From, string To) Dispatch(string carrier, string trackingNumber, DateTimeOffset now)
    {
        var transition = Apply(ShipmentTrigger.Dispatch, now);
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        return transition;
    }

    public (string From, string To) Apply(ShipmentTrigger trigger, DateTimeOffset now)
    {
        var from = Status;
        ShipmentStateMachine.For(this).Fire(trigger);
        UpdatedAt = now;
        return (from.ToString(), Status.ToString());
    }
}
