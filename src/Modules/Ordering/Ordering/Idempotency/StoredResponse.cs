namespace OrderManagement.Ordering.Idempotency;

internal sealed record StoredResponse(int StatusCode, object Body, string? Location);
