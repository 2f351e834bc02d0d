using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// Translates every message Ordering receives into the one fulfilment command; the saga holds the logic.
internal sealed class FulfilmentMessageHandlers(IMediator mediator) :
    IMessageHandler<StockReserved>, IMessageHandler<StockReservationRejected>, IMessageHandler<StockReleased>,
    IMessageHandler<PaymentAuthorized>, IMessageHandler<PaymentDeclined>, IMessageHandler<PaymentFailed>, IMessageHandler<PaymentAttemptFailed>,
    IMessageHandler<PaymentVoided>, IMessageHandler<PaymentCaptured>,
    IMessageHandler<ShipmentCreated>, IMessageHandler<ShipmentCancelled>, IMessageHandler<ShipmentCancellationRefused>,
    IMessageHandler<ShipmentDispatched>, IMessageHandler<ShipmentDelivered>,
    IMessageHandler<FulfilmentDeadline>
{
    public Task HandleAsync(StockReserved message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(StockReservationRejected message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(StockReleased message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(PaymentAuthorized message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(PaymentDeclined message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(PaymentFailed message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(PaymentAttemptFailed message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(PaymentVoided message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(PaymentCaptured message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentCreated message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentCancelled message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentCancellationRefused message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentDispatched message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentDelivered message, CancellationToken ct) => Advance(message.OrderId, message, ct);
    public Task HandleAsync(FulfilmentDeadline message, CancellationToken ct) => Advance(message.OrderId, message, ct);

    private Task Advance(Guid orderId, object message, CancellationToken ct) => mediator.Send(new AdvanceFulfilment(orderId, message), ct);
}
