using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Operations.Stalls;

// What each saga step waits for, in an operator's words, and which module sends it.
internal static class AwaitedReplies
{
    public static (string Reply, string Module) For(SagaStep step) => step switch
    {
        SagaStep.ReserveStock => ("the stock reservation", "Inventory"),
        SagaStep.ReviewOrder => ("an operator's review decision", "Ordering"),
        SagaStep.AuthorizePayment => ("the payment authorization", "Payments"),
        SagaStep.CreateShipment => ("the shipment", "Shipping"),
        SagaStep.CancelShipment => ("the shipment's cancellation", "Shipping"),
        SagaStep.VoidPayment => ("the payment's void", "Payments"),
        SagaStep.ReleaseStock => ("the stock's release", "Inventory"),
        _ => ("nothing", "none"),
    };
}
