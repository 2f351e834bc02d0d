using MediatR;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.AuthorizePayment;

// RetryAuthorization is no longer sent (the next attempt is a due time on the payment), but rows scheduled before
// this version was deployed must still lead somewhere: the payment's next attempt becomes due now.
internal sealed class RetryAuthorizationHandler(
    PaymentsDbContext db, AfterCommit<PaymentsDbContext> afterCommit, TimeProvider time, AuthorizationSignal worker)
    : IRequestHandler<RetryAuthorizationCommand, Unit>
{
    public async Task<Unit> Handle(RetryAuthorizationCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentAsync(command.PaymentId, cancellationToken);
        if (payment is { Status: PaymentStatus.Pending, AttemptDueAt: null, HasAttemptInFlight: false, Faulted: false })
        {
            payment.ScheduleAttempt(time.GetUtcNow());
            afterCommit.Add(worker.Notify);
        }

        return Unit.Value;
    }
}
