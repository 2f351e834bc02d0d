namespace OrderManagement.Ordering.Webhooks;

// The event types at least one subscription wants, as this host last read them. An order change records a webhook
// event only for a wanted type, so with no subscribers an order costs no webhook rows or deliveries (ADR 0017). Until
// the first read, and once the last read's validity has passed (the database was unreachable), every type counts as
// wanted: the error is always towards recording too much, which the fan-out then drops.
internal sealed class WebhookInterest(TimeProvider time)
{
    private volatile Snapshot? _snapshot;

    public bool Wants(string eventType) =>
        _snapshot is not { } snapshot || time.GetUtcNow() > snapshot.ValidUntil || snapshot.Types.Contains(eventType);

    public void Replace(IEnumerable<string> types, DateTimeOffset validUntil) => _snapshot = new Snapshot([.. types], validUntil);

    // A subscription created on this host is wanted at once, without waiting for the next read.
    public void Add(IEnumerable<string> types)
    {
        if (_snapshot is { } snapshot)
        {
            _snapshot = snapshot with { Types = [.. snapshot.Types, .. types] };
        }
    }

    private sealed record Snapshot(HashSet<string> Types, DateTimeOffset ValidUntil);
}
