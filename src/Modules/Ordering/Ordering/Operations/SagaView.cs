using FluentValidation;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.Operations;

internal sealed record SagaView(
    Guid OrderId, SagaStatus Status, SagaCurrentStep? CurrentStep, int Attempts, string? LastError,
    DateTimeOffset StartedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NextAttemptAt)
{
    public static SagaView From(FulfilmentSaga saga) => new(
        saga.OrderId, saga.Status, StepOf(saga.CurrentStep), saga.Attempts, saga.LastError, saga.StartedAt, saga.UpdatedAt, saga.NextAttemptAt);

    public static SagaCurrentStep? StepOf(SagaStep step) => step == SagaStep.None ? null : Shown(step);

    // A step under way as the contract names it (by name: the contract's enum is Ordering's to keep in step, not its values).
    public static SagaCurrentStep Shown(SagaStep step) => step == SagaStep.None
        ? throw new ArgumentOutOfRangeException(nameof(step), step, "no step is under way")
        : Enum.Parse<SagaCurrentStep>(step.ToString());
}

internal sealed record SagaPage(IReadOnlyList<SagaView> Items, string? NextCursor);

// The body of an operator's action as sent (API or console): Reason nullable so that a missing one is a 400
// (OperatorActionRequestValidator), not a binder error. Only an accepted request is mapped to its command.
internal sealed record OperatorActionRequest(string? Reason)
{
    public RetrySagaCommand ToRetrySaga(Guid orderId, string actor) => new(orderId, actor, Validated.Value(Reason));

    public ReplayDeadLetterCommand ToReplayDeadLetter(Guid deadLetterId, string actor) => new(deadLetterId, actor, Validated.Value(Reason));
}

internal sealed class OperatorActionRequestValidator : AbstractValidator<OperatorActionRequest>
{
    public OperatorActionRequestValidator() => RuleFor(r => r.Reason).RequiredText("reason", 500);
}
