using MediatR;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// Every message Ordering receives about an order's fulfilment. Replies to the saga's steps go to OrderFulfilment.Handle,
// which looks them up by type in SagaDefinition; the others have a method of their own.
internal sealed class FulfilmentMessageHandlers(IMediator mediator, StepRecords records) :
    IMessageHandler<StockReserved>, IMessageHandler<StockReservationRejected>, IMessageHandler<StockReleased>,
    IMessageHandler<PaymentAuthorized>, IMessageHandler<PaymentDeclined>, IMessageHandler<PaymentFailed>,
    IMessageHandler<PaymentVoided>, IMessageHandler<ShipmentCreated>, IMessageHandler<ShipmentCancelled>,
    IMessageHandler<ShipmentCancellationRefused>,
    IMessageHandler<PaymentAttemptFailed>, IMessageHandler<PaymentCaptured>, IMessageHandler<ShipmentDispatched>,
    IMessageHandler<ShipmentDelivered>, IMessageHandler<ShipmentSplit>, IMessageHandler<FulfilmentDeadline>
{
    public Task HandleAsync(StockReserved message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(StockReservationRejected message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(StockReleased message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(PaymentAuthorized message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(PaymentDeclined message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(PaymentFailed message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(PaymentVoided message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentCreated message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentCancelled message, CancellationToken ct) => Reply(message.OrderId, message, ct);
    public Task HandleAsync(ShipmentCancellationRefused message, CancellationToken ct) => Reply(message.OrderId, message, ct);

    public Task HandleAsync(PaymentAttemptFailed message, CancellationToken ct) =>
        Advance(message.OrderId, (f, order, saga, _) => f.PaymentRetrying(order, saga, message), ct);

    public Task HandleAsync(PaymentCaptured message, CancellationToken ct) =>
        Advance(message.OrderId, (f, order, _, _) => f.Captured(order, message), ct);

    public Task HandleAsync(ShipmentDispatched message, CancellationToken ct) =>
        Advance(message.OrderId, (f, order, saga, _) => f.Dispatched(order, saga, message), ct);

    public Task HandleAsync(ShipmentDelivered message, CancellationToken ct) =>
        Advance(message.OrderId, (f, order, _, _) => f.Delivered(order, message), ct);

    public Task HandleAsync(ShipmentSplit message, CancellationToken ct) =>
        Advance(message.OrderId, (f, order, _, _) => f.Split(order, message), ct);

    public Task HandleAsync(FulfilmentDeadline message, CancellationToken ct) =>
        mediator.Send(new AdvanceFulfilment(message.OrderId, async (f, order, saga, token) =>
        {
            // What the step's module last recorded, for the log and the cause a failed saga states.
            var lastRecord = saga.CurrentStep == message.Step && saga.Attempts == message.Attempt
                ? await records.LastAsync(order.Id, message.Step, token)
                : null;
            f.DeadlinePassed(order, saga, message, lastRecord);
        }), ct);

    private Task Reply<TReply>(Guid orderId, TReply reply, CancellationToken ct)
        where TReply : notnull =>
        Advance(orderId, (f, order, saga, _) => f.Handle(order, saga, reply), ct);

    private Task Advance(Guid orderId, Action<OrderFulfilment, Orders.Order, FulfilmentSaga, CancellationToken> apply, CancellationToken ct) =>
        mediator.Send(new AdvanceFulfilment(orderId, (f, order, saga, token) =>
        {
            apply(f, order, saga, token);
            return Task.CompletedTask;
        }), ct);
}
