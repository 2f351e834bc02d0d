namespace OrderManagement.Ordering.Contracts;

// Everything an operator needs on one page about one order. Parts are the reservation (Inventory), the payment
// (Payments) and the shipment (Shipping), as those modules report them; a part a module does not have yet is absent.
public sealed record OrderDossier(
    OrderDetails Order,
    SagaDetails? Saga,
    StallReport? Stall,
    IReadOnlyList<PartSnapshot> Parts,
    IReadOnlyList<TimelineEntry> Timeline,
    StateGraph OrderGraph,
    StateGraph? SagaGraph);

// Hold: set while the order waits in review (ADR 0018).
public sealed record OrderDetails(
    Guid Id, string CustomerId, OrderStatus Status, RejectionReason? RejectionReason, decimal Total, string Currency,
    IReadOnlyList<OrderLineDetails> Lines, string PaymentMethod, DateTimeOffset PlacedAt, DateTimeOffset UpdatedAt,
    HoldDetails? Hold = null);

// Why the order waits in review, since when, and when it is rejected if nobody decides.
public sealed record HoldDetails(IReadOnlyList<string> Reasons, DateTimeOffset HeldAt, DateTimeOffset ExpiresAt);

public sealed record OrderLineDetails(string Sku, int Quantity, decimal UnitPrice);

// Attempts are step attempts: how often the saga sent the current step's command (StepCommand), of MaxStepAttempts
// (Fulfilment:MaxStepAttempts now); a module's own retries (Payments' provider attempts) are counted in its part.
public sealed record SagaDetails(
    SagaStatus Status, SagaCurrentStep? CurrentStep, int Attempts, string? LastError, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt, bool CancelRequested, SagaOutcome? Outcome, int MaxStepAttempts = 0, string? StepCommand = null);

// Status is the owning module's enum: ReservationStatus (Inventory), PaymentStatus (Payments) or ShipmentStatus (Shipping).
// Detail is a short human description (lines, amount, tracking).
public sealed record PartSnapshot(ModuleName Module, OrderPart Part, Guid Id, Enum Status, string Detail, DateTimeOffset UpdatedAt);

public enum OrderPart
{
    Reservation,
    Payment,
    Shipment,
}

// One change, from any module's history, in time order. Manual entries were made by a person (Detail names who and why).
// TraceId: the W3C trace id (32 hex digits) the change happened in, to find it in the tracing backend; null for entries
// recorded before trace ids were kept.
public sealed record TimelineEntry(
    int Sequence, DateTimeOffset OccurredAt, ModuleName Module, string Event, string? FromState, string? ToState, string? Detail, bool Manual,
    string? TraceId);

// A state machine as Mermaid stateDiagram text, and the states this order went through, in order.
public sealed record StateGraph(string Name, string Mermaid, IReadOnlyList<string> Path);
