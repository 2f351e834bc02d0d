namespace OrderManagement.Ordering.Contracts;

// Every given criterion must match. PlacedFrom is inclusive, PlacedTo exclusive (UTC). Limit 1..100. Held: true for
// only the orders waiting in review (ADR 0018).
public sealed record OrderSearch(
    Guid? OrderId = null,
    string? CustomerId = null,
    OrderStatus? Status = null,
    string? Sku = null,
    DateTimeOffset? PlacedFrom = null,
    DateTimeOffset? PlacedTo = null,
    int Limit = 25,
    string? Cursor = null,
    bool Held = false);

public sealed record OrderSearchPage(IReadOnlyList<OrderSummary> Items, string? NextCursor);

public sealed record OrderSummary(
    Guid Id, string CustomerId, OrderStatus Status, decimal Total, string Currency, DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt,
    SagaStatus? SagaStatus, SagaCurrentStep? SagaStep);
