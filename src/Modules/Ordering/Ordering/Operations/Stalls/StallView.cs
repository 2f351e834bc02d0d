using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.OrderHistory;

namespace OrderManagement.Ordering.Operations.Stalls;

// A stalled saga as GET /api/v1/ops/stalls writes it (fields as the contract's StallReport): status, step and module are
// the enums, so the OpenAPI document lists their values. The console reads the same stall as a StallReport.
internal sealed record StallView(
    Guid OrderId,
    SagaStatus SagaStatus,
    SagaCurrentStep Step,
    string AwaitedReply,
    ModuleName FromModule,
    DateTimeOffset WaitingSince,
    double WaitingSeconds,
    double NormalWaitSeconds,
    int Attempts,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    string Reason)
{
    public StallReport ToReport() => new(OrderId, SagaStatus, Step, AwaitedReply, FromModule, WaitingSince,
        WaitingSeconds, NormalWaitSeconds, Attempts, LastError, NextAttemptAt, Reason);
}

internal sealed record StallViewPage(IReadOnlyList<StallView> Items, string? NextCursor)
{
    public StallPage ToPage() => new([.. Items.Select(s => s.ToReport())], NextCursor);
}
