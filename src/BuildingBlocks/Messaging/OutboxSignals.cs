using System.Collections.Concurrent;

namespace OrderManagement.BuildingBlocks.Messaging;

// Wakes the delivery lanes of a module's outbox right after a commit that wrote rows for them, so the happy path never
// waits for a poll. One signal per (schema, consumer); the lane for consumers this host does not know listens on "".
internal sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<(string Schema, string Consumer), SemaphoreSlim> _signals = new();

    // Consumers null: every lane of the schema (a replayed dead letter, a poll that cannot tell).
    public void Notify(string schema, IEnumerable<string>? consumers = null)
    {
        if (consumers is null)
        {
            foreach (var key in _signals.Keys.Where(k => k.Schema == schema))
            {
                Release(For(key));
            }

            return;
        }

        foreach (var consumer in consumers)
        {
            Release(For((schema, consumer)));
        }
    }

    public Task<bool> WaitAsync(string schema, string? consumer, TimeSpan timeout, CancellationToken cancellationToken) =>
        For((schema, consumer ?? "")).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For((string, string) key) => _signals.GetOrAdd(key, _ => new SemaphoreSlim(0, 1));

    private static void Release(SemaphoreSlim signal)
    {
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
}
