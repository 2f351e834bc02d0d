using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.AuthorizePayment;

// A provider call made inside the message's delivery, only for a payment whose last call failed with an unexpected
// error (Payment.Faulted): the exception fails the delivery, so the dispatcher retries it with backoff and then
// dead-letters it for an operator to replay once the provider is back. Every other call is the worker's
// (AuthorizationWorker), outside any delivery. The caller holds the payment's row lock.
internal sealed class AuthorizationAttempt(TimeProvider time, ProviderCalls provider, AuthorizationOutcomes outcomes)
{
    public async Task RunAsync(Payment payment, CancellationToken cancellationToken)
    {
        var attempt = payment.BeginAttempt(time.GetUtcNow());
        var request = AuthorizationRequests.For(payment.Id, payment.OrderId, payment.Amount, payment.Currency, payment.Token, attempt);
        AuthorizationResult result;
        try
        {
            result = await provider.AuthorizeAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ProviderCalls.IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            outcomes.FailedTransiently(payment, attempt, ex);
            return;
        }

        outcomes.Answered(payment, attempt, result);
    }
}
