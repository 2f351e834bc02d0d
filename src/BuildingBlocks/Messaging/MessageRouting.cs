namespace OrderManagement.BuildingBlocks.Messaging;

// Who consumes what: one delivery row is written per consuming module.
internal sealed class MessageRouting
{
    private readonly Dictionary<Type, string[]> _consumers;
    private readonly Dictionary<(Type, string), MessageSubscription> _subscriptions;

    public MessageRouting(IEnumerable<MessageSubscription> subscriptions)
    {
        var all = subscriptions.ToList();
        var duplicate = all.GroupBy(s => (s.MessageType, s.Consumer)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"{duplicate.Key.Consumer} registers two handlers for {duplicate.Key.MessageType.Name}.");
        }

        _subscriptions = all.ToDictionary(s => (s.MessageType, s.Consumer));
        _consumers = all.GroupBy(s => s.MessageType).ToDictionary(g => g.Key, g => g.Select(s => s.Consumer).ToArray());
        Consumers = [.. all.Select(s => s.Consumer).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // Every consumer with a handler on this host: each outbox has one delivery lane per consumer.
    public IReadOnlyList<string> Consumers { get; }

    // Every (message type, consumer) pair with a handler on this host.
    public IReadOnlyCollection<MessageSubscription> Subscriptions => _subscriptions.Values;

    public IReadOnlyList<string> ConsumersOf(Type messageType) =>
        _consumers.TryGetValue(messageType, out var consumers) ? consumers : [];

    public MessageSubscription SubscriptionFor(Type messageType, string consumer) =>
        _subscriptions.TryGetValue((messageType, consumer), out var subscription)
            ? subscription
            : throw new InvalidOperationException($"{consumer} has no handler for {messageType.Name}.");
}
