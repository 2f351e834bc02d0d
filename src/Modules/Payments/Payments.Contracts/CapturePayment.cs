namespace OrderManagement.Payments.Contracts;

/// <summary>
/// Capture money of the order's authorized payment; answered by <see cref="PaymentCaptured"/>. With
/// <paramref name="ShipmentId"/> and <paramref name="Amount"/> (in the payment's currency, the sum of the shipment's
/// lines' unit price times quantity) it captures that part, once per shipment (a repeat is a no-op); without them it
/// captures whatever of the authorized amount no capture has asked for yet (the whole amount for an order shipped in
/// one parcel). A capture beyond the authorized amount is refused (docs/adr/0019).
/// </summary>
public sealed record CapturePayment(Guid OrderId, Guid? ShipmentId = null, decimal? Amount = null);
