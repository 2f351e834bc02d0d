namespace OrderManagement.Ordering.Fulfilment;

internal sealed class FulfilmentOptions
{
    public const string Section = "Fulfilment";

    // How long a step waits for its answer before the command is sent again.
    public TimeSpan StepDeadline { get; set; } = TimeSpan.FromSeconds(30);

    // The payment step must outlast the provider's own retries, so it gets its own deadline.
    public TimeSpan PaymentStepDeadline { get; set; } = TimeSpan.FromMinutes(3);

    // How long an order held for review waits for an operator's decision; then it is rejected (ADR 0018).
    public TimeSpan ReviewDeadline { get; set; } = TimeSpan.FromHours(24);

    public int MaxStepAttempts { get; set; } = 3;

    public TimeSpan DeadlineFor(DeadlineKind deadline) => deadline switch
    {
        DeadlineKind.Payment => PaymentStepDeadline,
        DeadlineKind.Review => ReviewDeadline,
        _ => StepDeadline,
    };
}
