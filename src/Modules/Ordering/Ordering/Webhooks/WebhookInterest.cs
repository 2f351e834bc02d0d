namespace OrderManagement.Ordering.Webhooks;

// The event types at least one subscription wants, as this host last read them. An order change records a webhook
// event only for a wanted type, so with no subscribers an order costs no webhook rows or deliveries (ADR 0017). Until
// the first read, and once the last read's validity has passed (the database was unreachable), every type counts as
// wanted: the error is always towards recording too much, which the fan-out then drops.
internal sealed class WebhookInterest(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<(long Version, string[] Types)> _addedDuringRead = [];
    private long _version;
    private volatile Snapshot? _snapshot;

    public bool Wants(string eventType) =>
        _snapshot is not { } snapshot || time.GetUtcNow() > snapshot.ValidUntil || snapshot.Types.Contains(eventType);

    // Call before reading the subscriptions; pass the answer to Replace.
    public long ReadStarting()
    {
        lock (_gate)
        {
            return _version;
        }
    }

    // A subscription added on this host after the read started may be missing from what it read: it stays wanted.
    public void Replace(IEnumerable<string> types, DateTimeOffset validUntil, long readStartedAt)
    {
        lock (_gate)
        {
            HashSet<string> wanted = [.. types];
            _addedDuringRead.RemoveAll(added => added.Version <= readStartedAt);
            foreach (var (_, added) in _addedDuringRead)
            {
                wanted.UnionWith(added);
            }

            _snapshot = new Snapshot(wanted, validUntil);
        }
    }

    // A subscription created on this host (called once it is committed) is wanted at once, without waiting for the next read.
    public void Add(IEnumerable<string> types)
    {
        lock (_gate)
        {
            string[] added = [.. types];
            _addedDuringRead.Add((++_version, added));
            if (_snapshot is { } snapshot)
            {
                _snapshot = snapshot with { Types = [.. snapshot.Types, .. added] };
            }
        }
    }

    private sealed record Snapshot(HashSet<string> Types, DateTimeOffset ValidUntil);
}
