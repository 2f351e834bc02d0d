using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Refunds;

// Makes due refunds at the provider, outside any message delivery (docs/adr/0013 and 0020), with at most
// Payments:MaxConcurrentCalls refunds in flight on this host. Several hosts share the work through the claims.
internal sealed partial class RefundWorker(
    RefundClaims claims,
    RefundCall call,
    RefundSignal signal,
    MigrationState migrations,
    IOptions<PaymentProviderOptions> options,
    ILogger<RefundWorker> logger) : BackgroundLoop
{
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
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
                var free = options.Value.MaxConcurrentCalls - _inFlight.Count;
                if (free > 0)
                {
                    var claimed = await claims.ClaimAsync(free, options.Value.AttemptLease, stoppingToken);
                    foreach (var refund in claimed)
                    {
                        Start(refund, stoppingToken);
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

    private void Start(ClaimedRefund refund, CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[refund.LeaseId] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await call.RunAsync(refund, stoppingToken);
            }
            catch (Exception ex)
            {
                LogRefundNotCompleted(ex, refund.RefundId, refund.Attempt);
            }
            finally
            {
                _inFlight.TryRemove(refund.LeaseId, out _);
                done.SetResult();
                signal.Notify();
            }
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payments could not claim due refunds (the database?); trying again in {PollSeconds} s")]
    private partial void LogClaimFailed(Exception exception, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund {RefundId}: attempt {Attempt} could not be completed; it is made again when its lease runs out")]
    private partial void LogRefundNotCompleted(Exception exception, Guid refundId, int attempt);
}
