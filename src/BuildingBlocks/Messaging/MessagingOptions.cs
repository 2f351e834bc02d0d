namespace OrderManagement.BuildingBlocks.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    public int MaxAttempts { get; set; } = 10;
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    // How often a module looks for rows that became due without a commit waking their lane (backoff, delays, other hosts).
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    // Deliveries in flight per consumer of one outbox (ADR 0014). Each holds two connections while it runs: its claim's
    // and its handler's.
    public int DeliveryConcurrency { get; set; } = 4;

    // DeliveryConcurrency for particular consumers, by module name (Messaging:ConsumerConcurrency:Payments = 16).
    public Dictionary<string, int> ConsumerConcurrency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    // Messages for one module handled in one transaction (a module registered with MessageDelivery.OneByOne takes one).
    public int ConsumerGroupSize { get; set; } = 50;

    // The longest a delivery waits for a row lock (PostgreSQL lock_timeout). Beyond it the delivery is tried again soon,
    // without counting an attempt: another session holds the rows, nothing is wrong with the message.
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(2);

    internal int DeliveryConcurrencyOf(string consumer) =>
        ConsumerConcurrency.TryGetValue(consumer, out var bound) ? bound : DeliveryConcurrency;
}
