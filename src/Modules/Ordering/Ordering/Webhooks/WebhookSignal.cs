using System.Threading.Channels;

namespace OrderManagement.Ordering.Webhooks;

// Wakes this host's webhook sender: deliveries were made due here, or a call ended (the next event of its order may
// go now). Other hosts find the work by polling (Ordering:Webhooks:PollInterval).
internal sealed class WebhookSignal
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
