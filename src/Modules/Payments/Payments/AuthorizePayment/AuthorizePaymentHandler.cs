using System.Diagnostics;
using MediatR;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.AuthorizePayment;

// One payment per order. A new one is only recorded as Pending with its first attempt due: the worker calls the
// provider after this transaction commits, so the message's delivery takes milliseconds whatever the provider does.
// A repeated request answers with the payment's current outcome instead of paying again.
internal sealed class AuthorizePaymentHandler(
    PaymentsDbContext db, OutboxPublisher<PaymentsDbContext> outbox, HistoryLog<PaymentsDbContext> history, AfterCommit<PaymentsDbContext> afterCommit,
    TimeProvider time, TransactionLocks<PaymentsDbContext> locks, AuthorizationAttempt faultedAttempt, AuthorizationSignal worker)
    : IRequestHandler<AuthorizePaymentCommand, Unit>
{
    public async Task<Unit> Handle(AuthorizePaymentCommand command, CancellationToken cancellationToken)
    {
        await locks.LockPaymentCreationAsync(command.OrderId, cancellationToken);
        var existing = await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken);
        if (existing is { Status: PaymentStatus.Pending, Faulted: true })
        {
            existing.CarryTrace(Activity.Current?.Id, CorrelationContext.Current);
            await faultedAttempt.RunAsync(existing, cancellationToken);
            afterCommit.Add(worker.Notify);
            return Unit.Value;
        }

        if (existing is not null)
        {
            RepeatOutcome(existing);
            return Unit.Value;
        }

        var payment = Payment.Start(command.OrderId, command.Amount, command.Currency, command.Method, command.Token, time.GetUtcNow());
        payment.CarryTrace(Activity.Current?.Id, CorrelationContext.Current);
        db.Payments.Add(payment);
        history.Record(payment.OrderId, "Payment", payment.Id, "PaymentStarted", null, nameof(PaymentStatus.Pending),
            $"{payment.Amount} {payment.Currency}");
        afterCommit.Add(worker.Notify);
        return Unit.Value;
    }

    private void RepeatOutcome(Payment payment)
    {
        object? outcome = payment.Status switch
        {
            PaymentStatus.Authorized or PaymentStatus.Captured => new PaymentAuthorized(payment.OrderId, payment.Id),
            PaymentStatus.Declined => new PaymentDeclined(payment.OrderId, payment.Id, payment.LastError ?? "Declined."),
            PaymentStatus.Failed => new PaymentFailed(payment.OrderId, payment.Id, payment.LastError ?? "Failed."),
            _ => null, // still pending: the worker's attempt will answer
        };
        if (outcome is not null)
        {
            outbox.Publish(outcome);
        }
    }
}
