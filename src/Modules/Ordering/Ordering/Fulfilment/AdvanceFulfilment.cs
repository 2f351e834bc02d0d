using MediatR;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// Something happened that concerns an order's fulfilment: an answer, a deadline, a warehouse event.
internal sealed record AdvanceFulfilment(Guid OrderId, object Event) : ICommand<Unit>;

internal sealed class AdvanceFulfilmentHandler(OrderingDbContext db, OrderFulfilment fulfilment, StepRecords records) : IRequestHandler<AdvanceFulfilment, Unit>
{
    public async Task<Unit> Handle(AdvanceFulfilment command, CancellationToken cancellationToken)
    {
        var order = await CompiledQueries.OrderById(db, command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        var saga = await CompiledQueries.SagaOfOrder(db, command.OrderId, cancellationToken)
            ?? throw new InvalidOperationException($"Order {command.OrderId} has no fulfilment saga.");
        switch (command.Event)
        {
            case FulfilmentDeadline deadline:
                var lastRecord = saga.CurrentStep == deadline.Step && saga.Attempts == deadline.Attempt
                    ? await records.LastAsync(order.Id, deadline.Step, cancellationToken)
                    : null;
                fulfilment.DeadlinePassed(order, saga, deadline, lastRecord);
                break;
            case ShipmentDispatched dispatched:
                fulfilment.Dispatched(order, saga, dispatched);
                break;
            case ShipmentDelivered delivered:
                fulfilment.Delivered(order, delivered);
                break;
            case PaymentAttemptFailed attemptFailed:
                fulfilment.PaymentRetrying(order, saga, attemptFailed);
                break;
            case PaymentCaptured captured:
                OrderFulfilment.Captured(order, captured, db.Time.GetUtcNow());
                break;
            case MessageDeadLettered dead:
                fulfilment.Fail(order, saga, dead.Error, dead.Step);
                break;
            default:
                fulfilment.Handle(order, saga, command.Event);
                break;
        }

        return Unit.Value;
    }
}

internal sealed record MessageDeadLettered(string Error, SagaStep? Step);
