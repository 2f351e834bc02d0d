using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.Ordering.Webhooks;

// Sends due webhook deliveries outside any message delivery (ADR 0017, as ADR 0013 does for payments), at most
// Ordering:Webhooks:MaxConcurrentCalls calls in flight on this host.
internal sealed partial class WebhookSender(
    DeliveryClaims claims,
    WebhookCall call,
    WebhookSignal signal,
    MigrationState migrations,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger) : LeasedCallWorker<ClaimedDelivery>(signal, migrations)
{
    protected override int MaxInFlight => options.Value.MaxConcurrentCalls;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override TimeSpan Lease => options.Value.Lease;

    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        claims.ClaimAsync(limit, lease, cancellationToken);

    protected override Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken) => claims.UntilNextDueAsync(cancellationToken);

    protected override Task CallAsync(ClaimedDelivery claim, CancellationToken cancellationToken) => call.RunAsync(claim, cancellationToken);

    protected override void OnClaimFailed(Exception exception, TimeSpan retryIn) => LogClaimFailed(exception, retryIn.TotalSeconds);

    protected override void OnCallFailed(Exception exception, ClaimedDelivery claim) => LogCallFailed(exception, claim.DeliveryId, claim.OrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: could not claim due deliveries (the database?); trying again in {PollSeconds} s")]
    private partial void LogClaimFailed(Exception exception, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Webhook delivery {DeliveryId} of order {OrderId} could not be recorded; it is sent again when its lease runs out (the receiver may see its webhook-id twice)")]
    private partial void LogCallFailed(Exception exception, Guid deliveryId, Guid orderId);
}
