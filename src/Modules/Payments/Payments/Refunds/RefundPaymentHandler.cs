using System.Diagnostics;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.Refunds;

internal sealed record RefundPaymentCommand(Guid OrderId, Guid ReturnId, decimal Amount) : ICommand<Unit>;

internal sealed class RefundPaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.RefundPayment>
{
    public Task HandleAsync(Contracts.RefundPayment message, CancellationToken cancellationToken) =>
        mediator.Send(new RefundPaymentCommand(message.OrderId, message.ReturnId, message.Amount), cancellationToken);
}

// Records the refund as due and commits; the refund worker calls the provider outside any delivery (docs/adr/0013,
// 0020). Under the payment's row lock, so two refunds of one payment are weighed one after the other against what is
// left to refund; the refund's key (the return) makes a repeat a no-op.
internal sealed class RefundPaymentHandler(
    PaymentsDbContext db, OutboxPublisher<PaymentsDbContext> outbox, HistoryLog<PaymentsDbContext> history,
    AfterCommit<PaymentsDbContext> afterCommit, TimeProvider time, RefundSignal worker)
    : IRequestHandler<RefundPaymentCommand, Unit>
{
    public async Task<Unit> Handle(RefundPaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Payment for order", command.OrderId.ToString());
        if (await db.Refunds.AnyAsync(r => r.Id == command.ReturnId, cancellationToken))
        {
            return Unit.Value;
        }

        if (payment is { Status: PaymentStatus.Authorized, Call: PaymentCall.Capture })
        {
            // Delivered before the capture call settled: the delivery fails and is retried after a backoff.
            throw new ConflictException($"The capture of payment {payment.Id} is not settled yet; the refund is tried again after it.", "capture-in-progress");
        }

        var inFlight = await db.Refunds.Where(r => r.PaymentId == payment.Id && r.Status == RefundStatus.Requested)
            .SumAsync(r => r.Amount, cancellationToken);
        var now = time.GetUtcNow();
        var status = payment.Status.ToString();
        var left = RefundRules.Refundable(payment, inFlight);
        if (command.Amount <= 0 || command.Amount > left)
        {
            var reason = $"A refund of {command.Amount} {payment.Currency} is more than the {Math.Max(left, 0)} {payment.Currency} left to refund "
                + $"(captured {RefundRules.Captured(payment)}, refunded {payment.RefundedAmount}, being refunded {inFlight}).";
            history.Record(payment.OrderId, "Payment", payment.Id, "RefundRefused", status, status, reason);
            outbox.Publish(new RefundRefused(command.OrderId, command.ReturnId, reason));
            return Unit.Value;
        }

        db.Refunds.Add(Refund.Request(command.ReturnId, payment.Id, payment.OrderId, command.Amount, Activity.Current?.Id, CorrelationContext.Current, now));
        history.Record(payment.OrderId, "Payment", payment.Id, "RefundRequested", status, status, $"{command.Amount} {payment.Currency} for return {command.ReturnId}");
        afterCommit.Add(worker.Notify);
        return Unit.Value;
    }
}
