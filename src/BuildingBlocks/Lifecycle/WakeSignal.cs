using System.Threading.Channels;

namespace OrderManagement.BuildingBlocks.Lifecycle;

// Wakes one background worker of this host at once instead of at its next poll: work was made due here, or a slot came
// free. Other hosts find the work by polling. Notifications while the worker is awake collapse into one wake-up.
// Each worker registers its own subclass, so two workers never share a signal.
public abstract class WakeSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wake.Writer.TryWrite(true);

    // Returns when notified or after the timeout; throws only when cancellationToken is cancelled.
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _wake.Reader.WaitToReadAsync(deadline.Token);
            _wake.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
