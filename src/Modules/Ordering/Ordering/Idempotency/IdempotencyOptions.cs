namespace OrderManagement.Ordering.Idempotency;

internal sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    public TimeSpan KeyLifetime { get; set; } = TimeSpan.FromHours(24);
}
