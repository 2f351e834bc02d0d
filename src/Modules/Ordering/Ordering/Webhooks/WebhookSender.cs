using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.Ordering.Webhooks;

// Sends due webhook deliveries outside any message delivery (ADR 0017, as ADR 0013 does for payments), at most
// Ordering:Webhooks:MaxConcurrentCalls calls in flight on this host. Several hosts share the work through the claims.
internal sealed partial class WebhookSender(
    DeliveryClaims claims,
    WebhookCall call,
    WebhookSignal signal,
    MigrationState migrations,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger) : BackgroundLoop
{
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var limit = options.Value.MaxConcurrentCalls;
        var poll = options.Value.PollInterval;
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
                    var claimed = await claims.ClaimAsync(free, options.Value.Lease, stoppingToken);
                    foreach (var delivery in claimed)
                    {
                        Start(delivery, stoppingToken);
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

    private void Start(ClaimedDelivery delivery, CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[delivery.LeaseId] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await call.RunAsync(delivery, stoppingToken);
            }
            catch (Exception ex)
            {
                LogCallFailed(ex, delivery.DeliveryId, delivery.OrderId);
            }
            finally
            {
                _inFlight.TryRemove(delivery.LeaseId, out _);
                done.SetResult();
                signal.Notify();
            }
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhooks: could not claim due deliveries (the database?); trying again in {PollSeconds} s")]
    private partial void LogClaimFailed(Exception exception, double pollSeconds);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Webhook delivery {DeliveryId} of order {OrderId} could not be recorded; it is sent again when its lease runs out (the receiver may see its webhook-id twice)")]
    private partial void LogCallFailed(Exception exception, Guid deliveryId, Guid orderId);
}
