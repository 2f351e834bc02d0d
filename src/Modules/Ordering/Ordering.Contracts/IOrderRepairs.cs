namespace OrderManagement.Ordering.Contracts;

// Operators' repairs, each under the same rules as the API (/api/v1/ops/sagas/{id}/retry, /orders/{id}/cancel,
// /orders/{id}/review/approve and /reject, /api/v1/ops/dead-letters/{id}/replay) and each recorded in the order's history with the operator and the reason.
// A repair the current state does not allow is refused (Applied false, Message says why); nothing changes then.
public interface IOrderRepairs
{
    // What the repair would change, worked out by running it against the current state without saving; reason is the one
    // the operator typed, shown where the repair would record it.
    Task<RepairPreview> PreviewAsync(Guid orderId, RepairKind kind, string operatorName, string reason, CancellationToken cancellationToken);

    // What replaying these dead letters would change (Kind ReplayDeadLetter), nothing saved: each letter put back in line,
    // the orders' history entries and the audit entries. A letter already replayed is named with who replayed it and when;
    // Allowed is false when no letter can be replayed.
    Task<RepairPreview> PreviewReplayAsync(IReadOnlyList<Guid> deadLetterIds, string operatorName, string reason, CancellationToken cancellationToken);

    // Why this dead letter cannot be previewed or replayed from this order's page: it is not one of the order's messages
    // (a form sent by hand can name any letter). Null when it is: dead now, back in line, or replayed before.
    Task<string?> ForeignDeadLetterAsync(Guid orderId, Guid deadLetterId, CancellationToken cancellationToken);

    Task<RepairOutcome> ApplyAsync(Guid orderId, RepairKind kind, string operatorName, string reason, CancellationToken cancellationToken);

    Task<RepairOutcome> ReplayDeadLetterAsync(Guid deadLetterId, string operatorName, string reason, CancellationToken cancellationToken);
}

// ReplayDeadLetter is previewed with PreviewReplayAsync and applied with ReplayDeadLetterAsync (it names letters, not an order).
// ApproveReview and RejectReview decide an order held for review (ADR 0018; the API's /review/approve and /reject).
public enum RepairKind
{
    RetryStep,
    Cancel,
    ApproveReview,
    RejectReview,
    ReplayDeadLetter,
}

// Allowed false: Refusal says why. Changes lists the state changes and messages the repair would make; a replay's
// preview also lists each letter it puts back in line, one line each (Letters), and sums up the rest in Changes.
public sealed record RepairPreview(RepairKind Kind, bool Allowed, string? Refusal, IReadOnlyList<string> Changes)
{
    public IReadOnlyList<LetterReplay> Letters { get; init; } = [];
}

// One dead letter a replay puts back in line: the order it is about (null when none), what it is, the module it goes to
// (Consumer) and what happens to it.
public sealed record LetterReplay(Guid LetterId, Guid? OrderId, string MessageType, string Consumer, string WhatHappens);

public sealed record RepairOutcome(bool Applied, string Message);
