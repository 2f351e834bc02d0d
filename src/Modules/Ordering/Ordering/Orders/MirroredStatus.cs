using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Orders;

// How far along its lifecycle a payment or shipment status is, as Payments and Shipping move them
// (Pending -> Authorized/Declined/Failed, Authorized -> PartiallyCaptured -> Captured/Voided -> Refunded;
// ReadyToShip -> Dispatched/Cancelled -> Delivered).
internal static class MirroredStatus
{
    // The mirrors are stored as the names Payments and Shipping sent; the views carry them as those modules' enums.
    public static PaymentStatus? PaymentOf(string? status) => status is null ? null : Enum.Parse<PaymentStatus>(status);

    public static ShipmentStatus? ShipmentOf(string? status) => status is null ? null : Enum.Parse<ShipmentStatus>(status);

    public static int PaymentRank(string status) => status switch
    {
        "Pending" => 0,
        "Authorized" or "Declined" or "Failed" => 1,
        "PartiallyCaptured" => 2,
        "Refunded" => 4,
        _ => 3,
    };

    public static int ShipmentRank(string status) => status switch
    {
        "ReadyToShip" => 0,
        "Delivered" => 2,
        _ => 1,
    };
}
