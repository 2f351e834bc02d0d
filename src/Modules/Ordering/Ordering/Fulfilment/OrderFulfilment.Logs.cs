using Microsoft.Extensions.Logging;

namespace OrderManagement.Ordering.Fulfilment;

// What an operator on call sees of a saga in trouble: each line names the order and what to do.
internal sealed partial class OrderFulfilment
{
    [LoggerMessage(LogLevel.Error, "Fulfilment of order {OrderId} failed at {Step}: {LastError}")]
    private partial void LogSagaFailed(Guid orderId, SagaStep step, string lastError);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: no answer to {Step} in time, sent again (attempt {Attempt} of {MaxAttempts}); last record: {LastRecord}. If it keeps happening, check that module and the dead letters (the console's Dead letters page or GET /api/v1/ops/dead-letters).")]
    private partial void LogStepPastDeadline(Guid orderId, SagaStep step, int attempt, int maxAttempts, string lastRecord);

    // Information for a cancellation (a client's or an operator's decision, not a fault); Warning for any other outcome.
    [LoggerMessage("Order {OrderId}: compensation started towards {Outcome} (cause: {Cause}); what the order holds is being given back. Nothing to do unless the saga then fails.")]
    private partial void LogCompensationStarted(LogLevel level, Guid orderId, SagaOutcome outcome, string cause);

    [LoggerMessage(LogLevel.Information, "Order {OrderId}: {Step} given up because the order is being cancelled ({Why}); what it may hold is given back.")]
    private partial void LogStepAbandoned(Guid orderId, SagaStep step, string why);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: {Reply} arrived after the saga stopped waiting for it; {Command} sent to give it back. Nothing to do.")]
    private partial void LogLateHoldReleased(Guid orderId, string reply, string command);

    [LoggerMessage(LogLevel.Information, "Order {OrderId}: {Reply} answers {Step}, but the saga is {Status} at {CurrentStep}: a repeat or a late answer, nothing to do.")]
    private partial void LogReplyIgnored(Guid orderId, string reply, SagaStep step, SagaStatus status, SagaStep currentStep);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: {Reply} is not a reply of any step of the saga and was not acted on; check SagaDefinition and the module that sent it.")]
    private partial void LogUnexpectedReply(Guid orderId, string reply);

    [LoggerMessage(LogLevel.Warning, "Order {OrderId}: a dead letter about {FailedStep} does not stop the saga, which is at {CurrentStep} ({Cause}). The dead letter need not be replayed.")]
    private partial void LogStaleFailureIgnored(Guid orderId, SagaStep failedStep, SagaStep currentStep, string cause);
}
