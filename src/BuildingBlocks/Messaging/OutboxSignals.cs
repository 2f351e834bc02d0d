using System.Collections.Concurrent;

namespace OrderManagement.BuildingBlocks.Messaging;

// Wakes a module's dispatcher right after a commit that wrote outbox rows, so the happy path never waits for a poll.
internal sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new();

    public void Notify(string schema)
    {
        var signal = For(schema);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit woke it first: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(string schema, TimeSpan timeout, CancellationToken cancellationToken) =>
        For(schema).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(string schema) => _signals.GetOrAdd(schema, _ => new SemaphoreSlim(0, 1));
}
