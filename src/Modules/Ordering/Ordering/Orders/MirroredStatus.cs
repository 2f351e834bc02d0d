using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Orders;

// How far along its lifecycle a payment or shipment status is, as Payments and Shipping move them
// (Pending -> Authorized/Declined/Failed, Authorized -> PartiallyCaptured -> Captured/Voided -> Refunded;
// ReadyToShip -> Dispatched/Cancelled -> Delivered). The order's mirrors only move to a higher rank.
internal static class MirroredStatus
{
    public static int Rank(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => 0,
        PaymentStatus.Authorized or PaymentStatus.Declined or PaymentStatus.Failed => 1,
        PaymentStatus.PartiallyCaptured => 2,
        PaymentStatus.Captured or PaymentStatus.Voided => 3,
        PaymentStatus.Refunded => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static int Rank(ShipmentStatus status) => status switch
    {
        ShipmentStatus.ReadyToShip => 0,
        ShipmentStatus.Dispatched or ShipmentStatus.Cancelled => 1,
        ShipmentStatus.Delivered => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
