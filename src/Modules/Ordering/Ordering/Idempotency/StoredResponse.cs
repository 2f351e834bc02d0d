namespace OrderManagement.Ordering.Idempotency;

// ETag: the entity tag of the resource in Body (RFC 9110 8.8.3), sent with the first response and with every replay.
internal sealed record StoredResponse(int StatusCode, object Body, string? Location, string? ETag);
