using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.AuthorizePayment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Settlement;

// What the outcome of a capture or void call does to an Authorized payment (the caller holds its row lock): done;
// after a transient failure (timeout, unavailable) another attempt after a backoff, without limit, since a decided
// capture or void has no other outcome and a waiting call must never move into the delivery path; after an unexpected
// error the call is faulted and its message is sent to Payments again, whose delivery makes the call itself: retried
// by the dispatcher and, if the provider keeps failing, dead-lettered for an operator to replay. A capture call takes
// every capture due (one per shipment, docs/adr/0019); one that fell due during the call is asked for again.
internal sealed class SettlementOutcomes(
    OutboxPublisher<PaymentsDbContext> outbox, HistoryLog<PaymentsDbContext> history,
    AfterCommit<PaymentsDbContext> afterCommit, TimeProvider time, IOptionsMonitor<PaymentProviderOptions> options, AuthorizationSignal worker)
{
    // The provider took these captures (tracked rows of the payment, still Due).
    public void Captured(Payment payment, IReadOnlyCollection<PaymentCapture> made)
    {
        var now = time.GetUtcNow();
        foreach (var capture in made)
        {
            payment.CaptureMade(capture, now, history);
            outbox.Publish(capture.ShipmentId is { } shipmentId
                ? new PaymentCaptured(payment.OrderId, payment.Id, shipmentId, capture.Amount, payment.Status)
                : new PaymentCaptured(payment.OrderId, payment.Id));
        }
    }

    // captures: the payment's tracked capture rows (for a capture call), after Captured has marked the ones made.
    public void Succeeded(Payment payment, PaymentCall call, IReadOnlyCollection<PaymentCapture>? captures = null)
    {
        var now = time.GetUtcNow();
        payment.SettleCall();
        if (call == PaymentCall.Capture)
        {
            if (captures?.Any(c => c.Status == CaptureStatus.Due) == true)
            {
                payment.RequestCall(PaymentCall.Capture, now);
                afterCommit.Add(worker.Notify);
            }

            return;
        }

        payment.Apply(PaymentTrigger.Void, now, history);
        outbox.Publish(new PaymentVoided(payment.OrderId, payment.Id));
    }

    public void Failed(Payment payment, PaymentCall call, int attempt, Exception exception, IReadOnlyCollection<PaymentCapture>? captures = null)
    {
        var now = time.GetUtcNow();
        var status = payment.Status.ToString();
        if (ProviderCalls.IsTransient(exception))
        {
            var error = $"{call} attempt {attempt}: {exception.Message}";
            payment.CallFailed(error, now, now + RetryBackoff.Delay(attempt, options.CurrentValue.RetryBaseDelay, options.CurrentValue.RetryMaxDelay));
            history.Record(payment.OrderId, "Payment", payment.Id, $"{call}AttemptFailed", status, status, error);
            return;
        }

        var fault = $"{call} attempt {attempt}: the payment provider failed unexpectedly ({exception.Message}); the {call}Payment message is delivered again";
        payment.CallFaulted(fault, now);
        history.Record(payment.OrderId, "Payment", payment.Id, $"{call}Faulted", status, status, fault);
        outbox.Publish(call == PaymentCall.Capture ? CaptureMessage(payment, captures) : new Contracts.VoidPayment(payment.OrderId));
    }

    // The message whose delivery makes the due captures: it names one of them, so it finds that capture and asks for
    // no new one.
    private static Contracts.CapturePayment CaptureMessage(Payment payment, IReadOnlyCollection<PaymentCapture>? captures) =>
        captures?.FirstOrDefault(c => c.Status == CaptureStatus.Due) is { ShipmentId: { } shipmentId } due
            ? new Contracts.CapturePayment(payment.OrderId, shipmentId, due.Amount)
            : new Contracts.CapturePayment(payment.OrderId);
}
