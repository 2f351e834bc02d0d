namespace OrderManagement.Ordering.Contracts;

// Operators' repairs, each under the same rules as the API (/api/v1/ops/sagas/{id}/retry, /orders/{id}/cancel,
// /orders/{id}/review/approve and /reject, /api/v1/ops/dead-letters/{id}/replay) and each recorded in the order's history with the operator and the reason.
// A repair the current state does not allow is refused (Applied false, Message says why); nothing changes then.
public interface IOrderRepairs
{
    // What the repair would change, worked out by running it against the current state without saving.
    Task<RepairPreview> PreviewAsync(Guid orderId, RepairKind kind, string operatorName, CancellationToken cancellationToken);

    Task<RepairOutcome> ApplyAsync(Guid orderId, RepairKind kind, string operatorName, string reason, CancellationToken cancellationToken);

    Task<RepairOutcome> ReplayDeadLetterAsync(Guid deadLetterId, string operatorName, string reason, CancellationToken cancellationToken);
}

// ApproveReview and RejectReview decide an order held for review (ADR 0018; the API's /review/approve and /reject).
public enum RepairKind
{
    RetryStep,
    Cancel,
    ApproveReview,
    RejectReview,
}

// Allowed false: Refusal says why. Changes lists the state changes and messages the repair would make.
public sealed record RepairPreview(RepairKind Kind, bool Allowed, string? Refusal, IReadOnlyList<string> Changes);

public sealed record RepairOutcome(bool Applied, string Message);
