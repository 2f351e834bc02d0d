namespace OrderManagement.Ordering.Webhooks;

// Settings of section Ordering:Webhooks (ADR 0017).
internal sealed class WebhookOptions
{
    public const string Section = "Ordering:Webhooks";

    // Attempts of one event to one subscription before it is dead-lettered (kept, listed, replayable). Live setting.
    public int MaxAttempts { get; set; } = 10;

    // Backoff between attempts: RetryBaseDelay * 2^(attempt-1), at most RetryMaxDelay, with jitter (50-100 %).
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    // One call's limit, connecting included; a receiver that takes longer counts as a failed attempt.
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    // How long a sender holds a claimed delivery before another host may send it again; longer than CallTimeout.
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    // Calls in flight at once on this host.
    public int MaxConcurrentCalls { get; set; } = 16;

    // The sender's fallback poll (a fan-out or a finished call on this host wakes it at once).
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxSubscriptionsPerKey { get; set; } = 10;

    // How often each host reads which event types are subscribed (WebhookInterest): a subscription created on another
    // host receives the events of changes made from at most this long after its creation.
    public TimeSpan InterestRefresh { get; set; } = TimeSpan.FromSeconds(1);

    // Loopback, private and link-local destinations are refused unless this is set; Development sets it (the test
    // receivers listen on 127.0.0.1). Never set it in Production: it opens the host's network to every API key.
    public bool AllowPrivateDestinations { get; set; }
}
