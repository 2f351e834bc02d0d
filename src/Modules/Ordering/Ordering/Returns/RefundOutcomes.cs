using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Returns;

internal sealed record RecordRefund(PaymentRefunded Refunded) : ICommand<Unit>;

internal sealed record RecordRefundRefused(Guid ReturnId, string Reason) : ICommand<Unit>;

internal sealed class RefundOutcomeMessageHandlers(IMediator mediator) : IMessageHandler<PaymentRefunded>, IMessageHandler<RefundRefused>
{
    public Task HandleAsync(PaymentRefunded message, CancellationToken cancellationToken) =>
        mediator.Send(new RecordRefund(message), cancellationToken);

    public Task HandleAsync(RefundRefused message, CancellationToken cancellationToken) =>
        mediator.Send(new RecordRefundRefused(message.ReturnId, message.Reason), cancellationToken);
}

// Payments made a return's refund: the return goes Refunded and the order shows the payment's refunded amount and
// status. A repeat changes nothing.
internal sealed class RecordRefundHandler(OrderingDbContext db, HistoryLog<OrderingDbContext> history, TimeProvider time) : IRequestHandler<RecordRefund, Unit>
{
    public async Task<Unit> Handle(RecordRefund command, CancellationToken cancellationToken)
    {
        var refunded = command.Refunded;
        var @return = await db.Returns.FirstAsync(r => r.Id == refunded.ReturnId, cancellationToken);
        var order = await db.Orders.FirstAsync(o => o.Id == @return.OrderId, cancellationToken);
        var now = time.GetUtcNow();
        order.RefundChanged(refunded.PaymentId, refunded.RefundedAmount, refunded.Status, now);
        if (@return.Status == ReturnStatus.Received)
        {
            @return.Refunded($"{refunded.Amount} {order.Currency} refunded; the payment's refunded amount is {refunded.RefundedAmount}", now, history);
        }

        return Unit.Value;
    }
}

// Payments refused a return's refund: the return stays Received, and the order's history says why (ADR 0020).
internal sealed class RecordRefundRefusedHandler(OrderingDbContext db, HistoryLog<OrderingDbContext> history) : IRequestHandler<RecordRefundRefused, Unit>
{
    public async Task<Unit> Handle(RecordRefundRefused command, CancellationToken cancellationToken)
    {
        var @return = await db.Returns.FirstAsync(r => r.Id == command.ReturnId, cancellationToken);
        if (@return.Status == ReturnStatus.Received)
        {
            var status = @return.Status.ToString();
            history.Record(@return.OrderId, "Return", @return.Id, "RefundRefused", status, status, command.Reason);
        }

        return Unit.Value;
    }
}
