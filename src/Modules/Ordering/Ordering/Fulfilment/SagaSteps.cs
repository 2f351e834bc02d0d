using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// The saga step a message belongs to, as its command or its answer; null for messages outside the saga's steps.
internal static class SagaSteps
{
    private static readonly Dictionary<Type, SagaStep> Steps = new()
    {
        [typeof(ReserveStock)] = SagaStep.ReserveStock,
        [typeof(StockReserved)] = SagaStep.ReserveStock,
        [typeof(StockReservationRejected)] = SagaStep.ReserveStock,
        [typeof(AuthorizePayment)] = SagaStep.AuthorizePayment,
        [typeof(PaymentAuthorized)] = SagaStep.AuthorizePayment,
        [typeof(PaymentDeclined)] = SagaStep.AuthorizePayment,
        [typeof(PaymentFailed)] = SagaStep.AuthorizePayment,
        [typeof(CreateShipment)] = SagaStep.CreateShipment,
        [typeof(ShipmentCreated)] = SagaStep.CreateShipment,
        [typeof(CancelShipment)] = SagaStep.CancelShipment,
        [typeof(ShipmentCancelled)] = SagaStep.CancelShipment,
        [typeof(ShipmentCancellationRefused)] = SagaStep.CancelShipment,
        [typeof(VoidPayment)] = SagaStep.VoidPayment,
        [typeof(PaymentVoided)] = SagaStep.VoidPayment,
        [typeof(ReleaseStock)] = SagaStep.ReleaseStock,
        [typeof(StockReleased)] = SagaStep.ReleaseStock,
    };

    public static SagaStep? Of(Type? messageType) => messageType is not null && Steps.TryGetValue(messageType, out var step) ? step : null;
}
