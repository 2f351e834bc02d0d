using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Returns;

internal sealed record RecordRefundOutcome(Guid OrderId, Guid ReturnId, PaymentRefunded? Refunded, string? RefusedBecause) : ICommand<Unit>;

internal sealed class RefundOutcomeMessageHandlers(IMediator mediator) : IMessageHandler<PaymentRefunded>, IMessageHandler<RefundRefused>
{
    public Task HandleAsync(PaymentRefunded message, CancellationToken cancellationToken) =>
        mediator.Send(new RecordRefundOutcome(message.OrderId, message.ReturnId, message, null), cancellationToken);

    public Task HandleAsync(RefundRefused message, CancellationToken cancellationToken) =>
        mediator.Send(new RecordRefundOutcome(message.OrderId, message.ReturnId, null, message.Reason), cancellationToken);
}

// Payments made (or refused) a return's refund: the return goes Refunded and the order shows the payment's refunded
// amount and status. A repeat of either answer changes nothing.
internal sealed class RecordRefundOutcomeHandler(OrderingDbContext db) : IRequestHandler<RecordRefundOutcome, Unit>
{
    public async Task<Unit> Handle(RecordRefundOutcome command, CancellationToken cancellationToken)
    {
        var @return = await db.Returns.FirstAsync(r => r.Id == command.ReturnId, cancellationToken);
        var order = await db.Orders.FirstAsync(o => o.Id == command.OrderId, cancellationToken);
        var now = db.Time.GetUtcNow();
        if (command.Refunded is { } refunded)
        {
            order.RefundChanged(refunded.PaymentId, refunded.RefundedAmount, refunded.Status, now);
            if (@return.Status == ReturnStatus.Received)
            {
                @return.Refunded($"{refunded.Amount} {order.Currency} refunded; the payment's refunded amount is {refunded.RefundedAmount}", now, db);
            }
        }
        else if (@return.Status == ReturnStatus.Received)
        {
            db.RecordHistory(order.Id, "Return", @return.Id, "RefundRefused", @return.Status.ToString(), @return.Status.ToString(), command.RefusedBecause);
        }

        return Unit.Value;
    }
}
