using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Settlement;

// What the outcome of a capture or void call does to an Authorized payment (the caller holds its row lock): done;
// after a transient failure (timeout, unavailable) another attempt after a backoff, without limit, since a decided
// capture or void has no other outcome and a waiting call must never move into the delivery path; after an unexpected
// error the call is faulted and its message is sent to Payments again, whose delivery makes the call itself: retried
// by the dispatcher and, if the provider keeps failing, dead-lettered for an operator to replay.
internal sealed class SettlementOutcomes(PaymentsDbContext db, IOptionsMonitor<PaymentProviderOptions> options)
{
    public void Succeeded(Payment payment, PaymentCall call)
    {
        var now = db.Time.GetUtcNow();
        payment.SettleCall();
        if (call == PaymentCall.Capture)
        {
            payment.Apply(PaymentTrigger.Capture, now, db, $"{payment.Amount} {payment.Currency}");
            db.Publish(new PaymentCaptured(payment.OrderId, payment.Id));
            return;
        }

        payment.Apply(PaymentTrigger.Void, now, db);
        db.Publish(new PaymentVoided(payment.OrderId, payment.Id));
    }

    public void Failed(Payment payment, PaymentCall call, int attempt, Exception exception)
    {
        var now = db.Time.GetUtcNow();
        var status = payment.Status.ToString();
        if (ProviderCalls.IsTransient(exception))
        {
            var error = $"{call} attempt {attempt}: {exception.Message}";
            payment.CallFailed(error, now, now + RetryBackoff.Delay(attempt, options.CurrentValue.RetryBaseDelay, options.CurrentValue.RetryMaxDelay));
            db.RecordHistory(payment.OrderId, "Payment", payment.Id, $"{call}AttemptFailed", status, status, error);
            return;
        }

        var fault = $"{call} attempt {attempt}: the payment provider failed unexpectedly ({exception.Message}); the {call}Payment message is delivered again";
        payment.CallFaulted(fault, now);
        db.RecordHistory(payment.OrderId, "Payment", payment.Id, $"{call}Faulted", status, status, fault);
        db.Publish(call == PaymentCall.Capture ? new Contracts.CapturePayment(payment.OrderId) : new Contracts.VoidPayment(payment.OrderId));
    }
}
