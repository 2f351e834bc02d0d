using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.Payments.Provider;
using OrderManagement.Payments.Settlement;

namespace OrderManagement.Payments.AuthorizePayment;

// Calls the provider for due authorization attempts, captures and voids, outside any message delivery, with at most
// Payments:MaxConcurrentCalls calls in flight on this host. Several hosts share the work through the claims.
internal sealed partial class AuthorizationWorker(
    AttemptClaims claims,
    AuthorizationCall call,
    SettlementCall settlement,
    AuthorizationSignal signal,
    MigrationState migrations,
    IOptions<PaymentProviderOptions> options,
    ILogger<AuthorizationWorker> logger) : BackgroundLoop
{
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var limit = options.Value.MaxConcurrentCalls;
        var poll = options.Value.AttemptPollInterval;
        try
        {
            await migrations.WaitUntilMigratedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = poll;
            try
            {
                var free = limit - _inFlight.Count;
                if (free > 0)
                {
                    var claimed = await claims.ClaimAsync(free, options.Value.AttemptLease, stoppingToken);
                    foreach (var attempt in claimed)
                    {
                        Start(attempt, stoppingToken);
                    }

                    if (claimed.Count < free && await claims.UntilNextDueAsync(stoppingToken) is { } next && next < poll)
                    {
                        wait = next;
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogClaimFailed(ex, poll.TotalSeconds);
            }

            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_inFlight.Values);
    }

    private void Start(ClaimedAttempt attempt, CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[attempt.LeaseId] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await (attempt.Call is null ? call.RunAsync(attempt, stoppingToken) : settlement.RunAsync(attempt, stoppingToken));
            }
            catch (Exception ex)
            {
                LogAttemptFailed(ex, attempt.PaymentId, attempt.Attempt);
            }
            finally
            {
                _inFlight.TryRemove(attempt.LeaseId, out _);
                done.SetResult();
                signal.Notify();
            }
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments could not claim due provider calls (the database?); trying again in {PollSeconds} s")]
    private partial void LogClaimFailed(Exception exception, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentId}: provider call attempt {Attempt} could not be completed; it is made again when its lease runs out")]
    private partial void LogAttemptFailed(Exception exception, Guid paymentId, int attempt);
}
