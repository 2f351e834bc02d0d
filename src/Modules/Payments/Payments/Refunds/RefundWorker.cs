using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Refunds;

// Makes due refunds at the provider, outside any message delivery (docs/adr/0013 and 0020), with at most
// Payments:MaxConcurrentCalls refunds in flight on this host.
internal sealed partial class RefundWorker(
    RefundClaims claims,
    RefundCall call,
    RefundSignal signal,
    MigrationState migrations,
    IOptions<PaymentProviderOptions> options,
    ILogger<RefundWorker> logger) : LeasedCallWorker<ClaimedRefund>(signal, migrations)
{
    protected override int MaxInFlight => options.Value.MaxConcurrentCalls;

    protected override TimeSpan PollInterval => options.Value.AttemptPollInterval;

    protected override TimeSpan Lease => options.Value.AttemptLease;

    protected override Task<IReadOnlyList<ClaimedRefund>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        claims.ClaimAsync(limit, lease, cancellationToken);

    protected override Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken) => claims.UntilNextDueAsync(cancellationToken);

    protected override Task CallAsync(ClaimedRefund claim, CancellationToken cancellationToken) => call.RunAsync(claim, cancellationToken);

    protected override void OnClaimFailed(Exception exception, TimeSpan retryIn) => LogClaimFailed(exception, retryIn.TotalSeconds);

    protected override void OnCallFailed(Exception exception, ClaimedRefund claim) => LogRefundNotCompleted(exception, claim.RefundId, claim.Attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments could not claim due refunds (the database?); trying again in {PollSeconds} s")]
    private partial void LogClaimFailed(Exception exception, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund {RefundId}: attempt {Attempt} could not be completed; it is made again when its lease runs out")]
    private partial void LogRefundNotCompleted(Exception exception, Guid refundId, int attempt);
}
