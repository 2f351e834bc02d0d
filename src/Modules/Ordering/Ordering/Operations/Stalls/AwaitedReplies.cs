using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.OrderHistory;

namespace OrderManagement.Ordering.Operations.Stalls;

// What each saga step waits for, in an operator's words, and which module sends it.
internal static class AwaitedReplies
{
    public static (string Reply, ModuleName Module) For(SagaStep step) => step switch
    {
        SagaStep.ReserveStock => ("the stock reservation", ModuleName.Inventory),
        SagaStep.ReviewOrder => ("an operator's review decision", ModuleName.Ordering),
        SagaStep.AuthorizePayment => ("the payment authorization", ModuleName.Payments),
        SagaStep.CreateShipment => ("the shipment", ModuleName.Shipping),
        SagaStep.CancelShipment => ("the shipment's cancellation", ModuleName.Shipping),
        SagaStep.VoidPayment => ("the payment's void", ModuleName.Payments),
        SagaStep.ReleaseStock => ("the stock's release", ModuleName.Inventory),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "A saga at no step waits for nothing."),
    };
}
