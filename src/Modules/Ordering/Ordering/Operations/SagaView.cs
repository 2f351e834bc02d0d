using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Operations;

internal sealed record SagaView(
    Guid OrderId, string Status, string? CurrentStep, int Attempts, string? LastError,
    DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NextAttemptAt)
{
    public static SagaView From(FulfilmentSaga saga) => new(
        saga.OrderId, saga.Status.ToString(), saga.CurrentStep == SagaStep.None ? null : saga.CurrentStep.ToString(),
        saga.Attempts, saga.LastError, saga.StartedAt, saga.UpdatedAt, saga.NextAttemptAt);
}

internal sealed record SagaPage(IReadOnlyList<SagaView> Items, string? NextCursor);

internal sealed record OperatorActionRequest(string? Reason);
