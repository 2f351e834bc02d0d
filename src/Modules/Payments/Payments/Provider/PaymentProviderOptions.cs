namespace OrderManagement.Payments.Provider;

internal sealed class PaymentProviderOptions
{
    public const string Section = "Payments";

    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);
    public int MaxAuthorizationAttempts { get; set; } = 5;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    // How long the sandbox fails a tok_outage order with an unexpected error, from the first time this host sees it.
    public TimeSpan SandboxOutage { get; set; } = TimeSpan.FromSeconds(60);
}
