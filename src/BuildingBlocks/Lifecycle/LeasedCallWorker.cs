using System.Collections.Concurrent;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.Lifecycle;

/// <summary>A unit of claimed work: <see cref="LeaseId"/> identifies this claim (a new one each time the work is claimed).</summary>
public interface ILeasedClaim
{
    Guid LeaseId { get; }
}

/// <summary>
/// Makes calls to the outside world (a payment provider, a webhook receiver) outside any message delivery
/// (docs/adr/0013): claims due work under a lease, keeps at most <see cref="MaxInFlight"/> calls in flight on this host,
/// and wakes when its <see cref="WakeSignal"/> is notified or after the poll interval, or sooner when the next claim
/// falls due. Several hosts share the work through the claims; a call whose host died is claimed again once its lease
/// runs out. On stop it waits for the calls in flight.
/// </summary>
/// <typeparam name="TClaim">The module's claimed row.</typeparam>
public abstract class LeasedCallWorker<TClaim>(WakeSignal signal, MigrationState migrations) : BackgroundLoop
    where TClaim : ILeasedClaim
{
    private readonly ConcurrentDictionary<Guid, Task> _inFlight = new();

    /// <summary>Calls in flight on this host at most.</summary>
    protected abstract int MaxInFlight { get; }

    /// <summary>The longest sleep between two claims.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>How long a claim is this host's before another host may take it.</summary>
    protected abstract TimeSpan Lease { get; }

    /// <summary>Claims up to <paramref name="limit"/> due items for <paramref name="lease"/>.</summary>
    protected abstract Task<IReadOnlyList<TClaim>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The time until the next item falls due, or null when none is waiting.</summary>
    protected abstract Task<TimeSpan?> UntilNextDueAsync(CancellationToken cancellationToken);

    /// <summary>Makes the call and records its outcome.</summary>
    protected abstract Task CallAsync(TClaim claim, CancellationToken cancellationToken);

    /// <summary>Logs a failed claim (the database, usually); the worker tries again after <paramref name="retryIn"/>.</summary>
    protected abstract void OnClaimFailed(Exception exception, TimeSpan retryIn);

    /// <summary>Logs a call whose outcome could not be recorded; the item is claimed again when its lease runs out.</summary>
    protected abstract void OnCallFailed(Exception exception, TClaim claim);

    protected sealed override async Task RunAsync(CancellationToken stoppingToken)
    {
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
            var poll = PollInterval;
            var wait = poll;
            try
            {
                var free = MaxInFlight - _inFlight.Count;
                if (free > 0)
                {
                    var claimed = await ClaimAsync(free, Lease, stoppingToken);
                    foreach (var claim in claimed)
                    {
                        Start(claim, stoppingToken);
                    }

                    if (claimed.Count < free && await UntilNextDueAsync(stoppingToken) is { } next && next < poll)
                    {
                        wait = next;
                    }
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                OnClaimFailed(ex, poll);
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

    private void Start(TClaim claim, CancellationToken stoppingToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[claim.LeaseId] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await CallAsync(claim, stoppingToken);
            }
            catch (Exception ex)
            {
                OnCallFailed(ex, claim);
            }
            finally
            {
                _inFlight.TryRemove(claim.LeaseId, out _);
                done.SetResult();
                signal.Notify();
            }
        }, CancellationToken.None);
    }
}
