using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.Payments.Provider;
using OrderManagement.Payments.Settlement;

namespace OrderManagement.Payments.AuthorizePayment;

// Calls the provider for due authorization attempts, captures and voids, outside any message delivery, with at most
// Payments:MaxConcurrentCalls calls in flight on this host.
internal sealed partial class AuthorizationWorker(
    AttemptClaims claims,
    AuthorizationCall call,
    SettlementCall settlement,
    AuthorizationSignal signal,
    MigrationState migrations,
    IOptions<PaymentProviderOptions> options,
    ILogger<AuthorizationWorker> logger) : LeasedCallWorker<ClaimedAttempt>(signal, migrations)
{
    protected override int MaxInFlight => options.Value.MaxConcurrentCalls;

    protected override TimeSpan PollInterval => options.Value.AttemptPollInterval;

    protected override TimeSpan Lease => options.Value.AttemptLease;

    protected override Task<IReadOnlyList<ClaimedAttempt>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) =>
        claims.ClaimAsync(limit, lease, cancellationToken);

    protected override Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken) => claims.UntilNextDueAsync(cancellationToken);

    protected override Task CallAsync(ClaimedAttempt claim, CancellationToken cancellationToken) =>
        claim.Call is null ? call.RunAsync(claim, cancellationToken) : settlement.RunAsync(claim, cancellationToken);

    protected override void OnClaimFailed(Exception exception, TimeSpan retryIn) => LogClaimFailed(exception, retryIn.TotalSeconds);

    protected override void OnCallFailed(Exception exception, ClaimedAttempt claim) => LogAttemptFailed(exception, claim.PaymentId, claim.Attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments could not claim due provider calls (the database?); trying again in {PollSeconds} s")]
    private partial void LogClaimFailed(Exception exception, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentId}: provider call attempt {Attempt} could not be completed; it is made again when its lease runs out")]
    private partial void LogAttemptFailed(Exception exception, Guid paymentId, int attempt);
}
