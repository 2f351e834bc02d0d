using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Delivers one consumer's rows of one module's outbox, up to maxInFlight deliveries at once. Each delivery has its own
// claim and runs on its own: a finished one frees its slot at once, so a delivery that waits (on an outside call, on a
// lock) holds up only the slot it occupies, never another lane nor the rest of its own (ADR 0014).
internal sealed partial class DeliveryLane(
    ModuleDescriptor module,
    OutboxLane lane,
    int claimSize,
    int maxInFlight,
    NpgsqlDataSource dataSource,
    ClaimDelivery delivery,
    OutboxSignals signals,
    IOptionsMonitor<MessagingOptions> options,
    TimeProvider time,
    DatabaseFailover failover,
    ILogger logger)
{
    private TimeSpan PollInterval => options.CurrentValue.PollInterval;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var inFlight = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var claim = await TryClaimAsync(stoppingToken);
                if (claim is null)
                {
                    slots.Release();
                    await signals.WaitAsync(module.Schema, lane.Consumer, Timeout.InfiniteTimeSpan, stoppingToken);
                    continue;
                }

                var running = DeliverAndReleaseAsync(claim, slots, stoppingToken);
                lock (inFlight)
                {
                    inFlight.Add(running);
                }

                _ = running.ContinueWith(t => { lock (inFlight) { inFlight.Remove(t); } }, TaskScheduler.Default);
                if (claim.Envelopes.Count < claimSize)
                {
                    // Everything due was taken: wait for the next commit (or the module's poll) rather than ask again at once.
                    await signals.WaitAsync(module.Schema, lane.Consumer, Timeout.InfiniteTimeSpan, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Task[] remaining;
            lock (inFlight)
            {
                remaining = [.. inFlight];
            }

            // Each delivery ends by itself once cancelled: its claim rolls back and the rows are delivered again later.
            await Task.WhenAll(remaining);
        }
    }

    // Claims and delivers once, here and now (tests drain an outbox with it). Returns how many rows it took.
    public async Task<int> DeliverOnceAsync(CancellationToken cancellationToken)
    {
        await using var claim = await OutboxClaim.TakeAsync(dataSource, module.Schema, lane, claimSize, time.GetUtcNow(), cancellationToken);
        if (claim is null)
        {
            return 0;
        }

        await delivery.DeliverAsync(claim, cancellationToken);
        return claim.Envelopes.Count;
    }

    private async Task<OutboxClaim?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await OutboxClaim.TakeAsync(dataSource, module.Schema, lane, claimSize, time.GetUtcNow(), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            Observe(ex);
            await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return null;
        }
    }

    private async Task DeliverAndReleaseAsync(OutboxClaim claim, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        // Off the claiming loop at once, so the next claim does not wait for this delivery's first await.
        await Task.Yield();
        try
        {
            await delivery.DeliverAsync(claim, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The slot stays taken for a poll interval, so a lane whose deliveries keep failing does not spin.
            Observe(ex);
            await Task.Delay(PollInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (Exception)
        {
            // Shutting down: the claim rolls back below.
        }
        finally
        {
            await claim.DisposeAsync();
            slots.Release();
        }
    }

    private void Observe(Exception ex)
    {
        if (failover.Observe(ex))
        {
            LogDatabaseUnavailable(logger, module.Name, lane.Name, ex.GetBaseException().Message);
        }
        else
        {
            LogDispatchFailed(logger, ex, module.Name, lane.Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "The database is unavailable (down, or switching to its standby: {Reason}); the {Module} outbox's deliveries to {Consumer} are taken again after the poll interval.")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string module, string consumer, string reason);

    [LoggerMessage(LogLevel.Error, "Delivering the {Module} outbox to {Consumer} failed; retrying after the poll interval. Check that the database is reachable.")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string module, string consumer);
}
