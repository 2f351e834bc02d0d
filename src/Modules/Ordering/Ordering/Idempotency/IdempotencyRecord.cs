namespace OrderManagement.Ordering.Idempotency;

// The first response to a request sent with an Idempotency-Key, kept so a repeat gets the very same answer.
internal sealed class IdempotencyRecord
{
    public required string ApiKeyName { get; init; }
    public required string Key { get; init; }
    public required string Fingerprint { get; init; }
    public int StatusCode { get; init; }
    public required string Body { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
}
