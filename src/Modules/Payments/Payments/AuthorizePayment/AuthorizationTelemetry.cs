using System.Diagnostics;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.Payments.AuthorizePayment;

// The worker's calls (authorize, capture, void) run outside any request or delivery, so it takes the order's trace and correlation id from the
// payment row (stored from the AuthorizePayment message): what it logs, records and publishes stays in that trace.
internal static class AuthorizationTelemetry
{
    private static readonly ActivitySource Source = new(TelemetryNames.Prefix + ".Payments");

    // Without a listener the trace still continues (a plain activity), as MessagingTelemetry does for deliveries.
    public static Activity? StartCall(ClaimedAttempt claim, string name = "authorize payment")
    {
        CorrelationContext.Current = claim.CorrelationId ?? CorrelationContext.NewId();
        ActivityContext.TryParse(claim.TraceParent, null, out var parent);
        var activity = Source.StartActivity(name, ActivityKind.Client, parent);
        if (activity is null)
        {
            return claim.TraceParent is null ? null : new Activity(name).SetParentId(claim.TraceParent).Start();
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("oms.payment.id", claim.PaymentId.ToString());
            activity.SetTag("oms.order.id", claim.OrderId.ToString());
            activity.SetTag("oms.payment.attempt", claim.Attempt);
        }

        return activity;
    }
}
