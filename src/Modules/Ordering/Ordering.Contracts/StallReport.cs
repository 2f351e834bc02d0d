namespace OrderManagement.Ordering.Contracts;

// A saga that waits longer than its step normally takes (Stalls:<Step> settings), or that failed and waits for an
// operator. Reason says it in words. Times in seconds; NextAttemptAt is when the step's command is sent again, if it is.
public sealed record StallReport(
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
    string Reason);

public sealed record StallPage(IReadOnlyList<StallReport> Items, string? NextCursor);
