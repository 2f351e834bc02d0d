using MediatR;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.AuthorizePayment;

// One payment per order: a repeated request answers with the payment's current outcome instead of paying again.
internal sealed class AuthorizePaymentHandler(PaymentsDbContext db, AuthorizationAttempt attempt) : IRequestHandler<AuthorizePaymentCommand, Unit>
{
    public async Task<Unit> Handle(AuthorizePaymentCommand command, CancellationToken cancellationToken)
    {
        await db.LockPaymentCreationAsync(command.OrderId, cancellationToken);
        var existing = await CompiledQueries.PaymentOfOrder(db, command.OrderId, cancellationToken);
        if (existing is not null)
        {
            RepeatOutcome(existing);
            return Unit.Value;
        }

        var payment = Payment.Start(command.OrderId, command.Amount, command.Currency, command.Method, command.Token, db.Time.GetUtcNow());
        db.Payments.Add(payment);
        db.RecordHistory(payment.OrderId, "Payment", payment.Id, "PaymentStarted", null, nameof(PaymentStatus.Pending),
            $"{payment.Amount} {payment.Currency}");
        // The row is written (and locked) before the provider is called: a void arriving meanwhile waits for this call.
        await db.SaveChangesAsync(cancellationToken);
        await attempt.RunAsync(payment, cancellationToken);
        return Unit.Value;
    }

    private void RepeatOutcome(Payment payment)
    {
        object? outcome = payment.Status switch
        {
            PaymentStatus.Authorized or PaymentStatus.Captured => new PaymentAuthorized(payment.OrderId, payment.Id),
            PaymentStatus.Declined => new PaymentDeclined(payment.OrderId, payment.Id, payment.LastError ?? "Declined."),
            PaymentStatus.Failed => new PaymentFailed(payment.OrderId, payment.Id, payment.LastError ?? "Failed."),
            _ => null, // still pending: its scheduled retry will answer
        };
        if (outcome is not null)
        {
            db.Publish(outcome);
        }
    }
}
