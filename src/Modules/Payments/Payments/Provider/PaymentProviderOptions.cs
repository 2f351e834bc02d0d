namespace OrderManagement.Payments.Provider;

internal sealed class PaymentProviderOptions
{
    public const string Section = "Payments";

    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAuthorizationAttempts { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    // Authorization calls in flight at once on this host (they wait on the provider, not on the CPU).
    public int MaxConcurrentCalls { get; set; } = 128;

    // How long a worker holds a payment's call before another host may make the same attempt again; longer than
    // CallTimeout, so only a host that went down loses its claim.
    public TimeSpan AttemptLease { get; set; } = TimeSpan.FromSeconds(30);

    // The worker's fallback poll for attempts that fall due (a commit on this host wakes it at once).
    public TimeSpan AttemptPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    // How long the sandbox fails a tok_outage order with an unexpected error, from the first time this host sees it.
    public TimeSpan SandboxOutage { get; set; } = TimeSpan.FromSeconds(60);
}
