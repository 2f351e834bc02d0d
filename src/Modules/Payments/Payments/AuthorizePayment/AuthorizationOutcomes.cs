using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.AuthorizePayment;

// What the outcome of one provider call does to a payment that is still Pending (the caller holds its row lock):
// authorized, declined, after a transient failure another attempt after a backoff until the attempts run out, or
// after an unexpected error the payment waits for its AuthorizePayment message to run again (retried by the
// dispatcher and, if the provider keeps failing, dead-lettered for an operator to replay).
internal sealed class AuthorizationOutcomes(
    OutboxPublisher<PaymentsDbContext> outbox, HistoryLog<PaymentsDbContext> history,
    TimeProvider time, IOptionsMonitor<PaymentProviderOptions> options)
{
    public void Answered(Payment payment, int attempt, AuthorizationResult result)
    {
        var now = time.GetUtcNow();
        payment.SettleAttempt();
        if (result.Approved)
        {
            payment.Apply(PaymentTrigger.Authorize, now, history, $"attempt {attempt}", authorizationCode: result.AuthorizationCode);
            outbox.Publish(new PaymentAuthorized(payment.OrderId, payment.Id));
            return;
        }

        var reason = result.DeclineReason ?? "Declined.";
        payment.Apply(PaymentTrigger.Decline, now, history, reason, error: reason);
        outbox.Publish(new PaymentDeclined(payment.OrderId, payment.Id, reason));
    }

    public void FailedTransiently(Payment payment, int attempt, Exception exception)
    {
        var now = time.GetUtcNow();
        var max = options.CurrentValue.MaxAuthorizationAttempts;
        var error = $"Provider attempt {attempt} of {max}: {exception.Message}";
        if (attempt >= max)
        {
            payment.SettleAttempt();
            payment.Apply(PaymentTrigger.Fail, now, history, error, error: error);
            outbox.Publish(new PaymentFailed(payment.OrderId, payment.Id, $"The payment provider did not answer after {attempt} provider attempts."));
            return;
        }

        var delay = RetryBackoff.Delay(attempt, options.CurrentValue.RetryBaseDelay, options.CurrentValue.RetryMaxDelay);
        payment.AttemptFailed(error, now, now + delay);
        history.Record(payment.OrderId, "Payment", payment.Id, "AuthorizationAttemptFailed", nameof(PaymentStatus.Pending), nameof(PaymentStatus.Pending), error);
        outbox.Publish(new PaymentAttemptFailed(payment.OrderId, payment.Id, attempt, max, exception.Message));
    }

    public void Faulted(Payment payment, int attempt, Exception exception)
    {
        var error = $"Provider attempt {attempt}: the payment provider failed unexpectedly: {exception.Message}";
        payment.Fault(error, time.GetUtcNow());
        history.Record(payment.OrderId, "Payment", payment.Id, "AuthorizationAttemptFaulted", nameof(PaymentStatus.Pending), nameof(PaymentStatus.Pending), error);
        // The order shows its payment from the first attempt, whatever its outcome (issue 15 point 9).
        outbox.Publish(new PaymentAttemptFailed(payment.OrderId, payment.Id, attempt, options.CurrentValue.MaxAuthorizationAttempts,
            $"the payment provider failed unexpectedly ({exception.Message}); the payment message is retried, then dead-lettered for an operator"));
        outbox.Publish(new Contracts.AuthorizePayment(payment.OrderId, payment.Amount, payment.Currency, payment.Method, payment.Token));
    }
}
