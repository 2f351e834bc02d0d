using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.AuthorizePayment;

// One call to the provider for a pending payment, and what follows from its answer: authorized, declined,
// or after a transient failure a scheduled retry, until the attempts run out and the payment fails. The caller holds
// the payment's row lock, so a void waits for at most this one call and no attempt starts after a void.
internal sealed class AuthorizationAttempt(PaymentsDbContext db, ProviderCalls provider, IOptionsMonitor<PaymentProviderOptions> options)
{
    public async Task RunAsync(Payment payment, CancellationToken cancellationToken)
    {
        var attempt = payment.BeginAttempt(db.Time.GetUtcNow());
        var request = new AuthorizationRequest(payment.Id, "order-" + payment.OrderId, payment.Amount, payment.Currency, payment.Token, attempt);
        AuthorizationResult result;
        try
        {
            result = await provider.AuthorizeAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ProviderCalls.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            HandleTransientFailure(payment, attempt, ex);
            return;
        }

        var now = db.Time.GetUtcNow();
        if (result.Approved)
        {
            payment.Apply(PaymentTrigger.Authorize, now, db, $"attempt {attempt}", authorizationCode: result.AuthorizationCode);
            db.Publish(new PaymentAuthorized(payment.OrderId, payment.Id));
            return;
        }

        var reason = result.DeclineReason ?? "Declined.";
        payment.Apply(PaymentTrigger.Decline, now, db, reason, error: reason);
        db.Publish(new PaymentDeclined(payment.OrderId, payment.Id, reason));
    }

    private void HandleTransientFailure(Payment payment, int attempt, Exception exception)
    {
        var now = db.Time.GetUtcNow();
        var max = options.CurrentValue.MaxAuthorizationAttempts;
        var error = $"Attempt {attempt} of {max}: {exception.Message}";
        if (attempt >= max)
        {
            payment.Apply(PaymentTrigger.Fail, now, db, error, error: error);
            db.Publish(new PaymentFailed(payment.OrderId, payment.Id, $"The payment provider did not answer after {attempt} attempts."));
            return;
        }

        payment.AttemptFailed(error, now);
        db.RecordHistory(payment.OrderId, "Payment", payment.Id, "AuthorizationAttemptFailed", nameof(PaymentStatus.Pending), nameof(PaymentStatus.Pending), error);
        db.Publish(new PaymentAttemptFailed(payment.OrderId, payment.Id, attempt, max, exception.Message));
        var delay = RetryBackoff.Delay(attempt, options.CurrentValue.RetryBaseDelay, options.CurrentValue.RetryMaxDelay);
        db.Publish(new RetryAuthorization(payment.Id), delay);
    }
}
