namespace OrderManagement.Ordering.Orders;

// How far along its lifecycle a payment or shipment status is, as Payments and Shipping move them
// (Pending -> Authorized/Declined/Failed, Authorized -> PartiallyCaptured -> Captured/Voided -> Refunded;
// ReadyToShip -> Dispatched/Cancelled -> Delivered).
internal static class MirroredStatus
{
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
