using System.Text.Json.Serialization;

namespace OrderManagement.Payments.Payments;

// One capture of a payment: the money for one shipment's lines (ShipmentId), or, with no shipment, whatever of the
// authorized amount was not asked for yet (a CapturePayment that names no shipment). Due until the provider has taken
// it, then Captured. One per payment and shipment (ux_captures_payment_shipment): a redelivered dispatch never
// captures twice (docs/adr/0019).
internal sealed class PaymentCapture
{
    private PaymentCapture()
    {
    }

    public Guid Id { get; private init; }
    public Guid PaymentId { get; private init; }
    public Guid? ShipmentId { get; private init; }
    public decimal Amount { get; private init; }
    public CaptureStatus Status { get; private set; }
    public DateTimeOffset RequestedAt { get; private init; }
    public DateTimeOffset? CapturedAt { get; private set; }

    public static PaymentCapture Request(Guid paymentId, Guid? shipmentId, decimal amount, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PaymentId = paymentId,
        ShipmentId = shipmentId,
        Amount = amount,
        Status = CaptureStatus.Due,
        RequestedAt = now,
    };

    public void Captured(DateTimeOffset now)
    {
        Status = CaptureStatus.Captured;
        CapturedAt = now;
    }
}

[JsonConverter(typeof(JsonStringEnumConverter<CaptureStatus>))]
internal enum CaptureStatus
{
    Due,
    Captured,
}
