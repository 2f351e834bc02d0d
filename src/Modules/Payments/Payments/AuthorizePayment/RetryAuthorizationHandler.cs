using MediatR;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.AuthorizePayment;

internal sealed class RetryAuthorizationHandler(PaymentsDbContext db, AuthorizationAttempt attempt) : IRequestHandler<RetryAuthorizationCommand, Unit>
{
    public async Task<Unit> Handle(RetryAuthorizationCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(command.PaymentId, cancellationToken);
        if (payment is { Status: PaymentStatus.Pending })
        {
            await attempt.RunAsync(payment, cancellationToken);
        }

        return Unit.Value;
    }
}
