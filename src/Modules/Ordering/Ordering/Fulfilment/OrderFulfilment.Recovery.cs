using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Fulfilment;

// Deadlines, failures and operator actions: the ways a saga is moved when an answer does not come. None of them may
// leave a pending cancel behind (issue 9): a forward step that fails while the order is being cancelled is given up
// and compensation starts instead.
internal sealed partial class OrderFulfilment
{
    public void DeadlinePassed(Order order, FulfilmentSaga saga, FulfilmentDeadline deadline, string? lastRecord = null)
    {
        if (saga.CurrentStep != deadline.Step || saga.Attempts != deadline.Attempt
            || saga.Status is not (SagaStatus.Running or SagaStatus.Compensating))
        {
            return;
        }

        var expired = saga.CurrentStep;
        afterCommit.Add(() => metrics.DeadlineExpired(expired));
        saga.RetryUnderWay = false;
        if (SagaDefinition.Of(expired).OnDeadline is { } answer && saga.Status == SagaStatus.Running)
        {
            var reply = answer(order);
            history.Record(order.Id, "Saga", order.Id, "StepExpired", expired.ToString(), expired.ToString(),
                $"{expired} was not answered by its deadline, which stands for {reply.GetType().Name}.");
            Handle(order, saga, reply);
            return;
        }

        if (saga.Attempts < _options.MaxStepAttempts)
        {
            saga.Attempts++;
            saga.LastError = $"No answer to {saga.CurrentStep} in time; sending it again (step attempt {saga.Attempts} of {_options.MaxStepAttempts}).";
            history.Record(order.Id, "Saga", order.Id, "StepRetried", saga.CurrentStep.ToString(), saga.CurrentStep.ToString(), saga.LastError);
            LogStepPastDeadline(order.Id, saga.CurrentStep, saga.Attempts, _options.MaxStepAttempts, lastRecord ?? "none");
            SendStep(order, saga);
            return;
        }

        var cause = $"No answer to {saga.CurrentStep} after {saga.Attempts} step attempts."
            + (lastRecord is null ? $" {OwnerOf(saga.CurrentStep)} has no record of it for this order." : $" Last record of {OwnerOf(saga.CurrentStep)}: {lastRecord}.");
        Fail(order, saga, cause);
    }

    // A step that cannot finish: the saga waits for an operator, unless the order is being cancelled, in which case the
    // forward step is given up at once. A dead letter of another step than the current one (a stale repeat) changes nothing.
    public void Fail(Order order, FulfilmentSaga saga, string cause, SagaStep? step = null)
    {
        if (step is { } failedStep && failedStep != saga.CurrentStep)
        {
            LogStaleFailureIgnored(order.Id, failedStep, saga.CurrentStep, cause);
            return;
        }

        if (saga.Status is not (SagaStatus.Running or SagaStatus.Compensating))
        {
            return;
        }

        if (saga.CancelRequested && saga.Status == SagaStatus.Running)
        {
            Abandon(order, saga, cause);
            return;
        }

        // Read on the console's pages and through the API alike, so it names the repair, not an HTTP call.
        var advice = saga.Status == SagaStatus.Compensating
            ? $"Fix the cause, then retry the current step: {saga.Outcome} cannot finish until {saga.CurrentStep} is answered."
            : "Fix the cause, then retry the current step or cancel the order.";
        saga.LastError = $"{cause} {advice}";
        saga.Fire(SagaTrigger.Fail, Now, history, saga.LastError);
        Settle(saga);
        LogSagaFailed(order.Id, saga.CurrentStep, saga.LastError);
    }

    // Returns false when the order was already cancelled (the API answers 200 instead of 202).
    public bool RequestCancellation(Order order, FulfilmentSaga saga, string actor, string? reason)
    {
        if (order.Status == OrderStatus.Cancelled)
        {
            return false;
        }

        OrderStateMachine.EnsurePermitted(order, OrderTrigger.Cancel); // order-not-cancellable unless Pending or Confirmed

        if (!saga.CancelRequested)
        {
            saga.CancelRequested = true;
            order.CancellationRequested(Now);
            history.Record(order.Id, "Order", order.Id, "CancellationRequested", order.Status.ToString(), order.Status.ToString(),
                $"by {actor}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}"));
        }

        switch (saga.Status)
        {
            case SagaStatus.Completed:
                BeginCompensation(order, saga, SagaOutcome.Cancelled);
                break;
            case SagaStatus.Compensating:
                saga.Outcome = SagaOutcome.Cancelled;
                break;
            case SagaStatus.Failed:
                ResumeForCancellation(order, saga, $"cancelled by {actor}");
                break;
            case SagaStatus.Running when saga.CurrentStep != SagaStep.None && SagaDefinition.Of(saga.CurrentStep).AbandonOnCancel:
                // Inventory and Payments keep a trace of a release or void that overtakes the step's command, and a
                // review holds nothing, so the step can be given up now: Payments stops retrying the provider as soon
                // as the void reaches it.
                Abandon(order, saga, $"The order is cancelled while {saga.CurrentStep} is under way.");
                break;
            // Running at CreateShipment: Shipping keeps no trace of a cancel that overtakes the shipment, so the
            // cancellation follows its answer.
        }

        return true;
    }

    // A failed saga, or a step that has waited longer than normal (StallOptions) or already missed a deadline: a step
    // that started a moment ago (say, because an earlier retry was answered at once) is not sent again (issue 15 point 10).
    public void Retry(Order order, FulfilmentSaga saga, string actor, string reason)
    {
        // nothing-to-retry unless the saga failed or waits for an answer; retry-in-progress while a retry waits for its own.
        SagaStateMachine.EnsurePermitted(saga, SagaTrigger.Retry);
        var normal = stalls.CurrentValue.NormalWaitFor(saga.CurrentStep);
        if (saga.Status != SagaStatus.Failed && saga.Attempts == 1 && saga.StepStartedAt is { } started && Now - started <= normal)
        {
            throw new ConflictException(
                $"The saga of order {order.Id} started {saga.CurrentStep} {StallDetection.Duration(Now - started)} ago and its answer normally comes " +
                $"within {StallDetection.Duration(normal)}; it is not stalled, so there is nothing to retry yet. Retry it if it is still waiting after that " +
                "(it is listed as stalled then).", "step-not-stalled");
        }

        history.Record(order.Id, "Saga", order.Id, "OperatorRetry", saga.CurrentStep.ToString(), saga.CurrentStep.ToString(), $"by {actor}: {reason}");
        // The error that stopped the saga is history now (its entry stays); lastError names only a failure since the
        // retry, so a Running saga never shows the old dead-letter text (issue 15 point 9).
        saga.LastError = null;
        if (saga.Status == SagaStatus.Failed && saga.CancelRequested)
        {
            ResumeForCancellation(order, saga, $"retried by {actor}");
            saga.RetryUnderWay = true;
            return;
        }

        if (saga.Status == SagaStatus.Failed)
        {
            saga.Fire(SagaTrigger.Resume, Now, history, $"{saga.CurrentStep} sent again: retried by {actor}");
        }

        saga.Attempts = 1;
        saga.RetryUnderWay = true;
        SendStep(order, saga);
    }

    // A failed saga of an order being cancelled: a forward step is given up, a compensation step is sent again.
    private void ResumeForCancellation(Order order, FulfilmentSaga saga, string by)
    {
        if (saga.Outcome is null)
        {
            Abandon(order, saga, $"The saga had failed at {saga.CurrentStep}; {by}.");
            return;
        }

        saga.Outcome = SagaOutcome.Cancelled;
        saga.Fire(SagaTrigger.Resume, Now, history, $"{saga.CurrentStep} sent again: {by}");
        saga.Attempts = 1;
        SendStep(order, saga);
    }

    // Gives up the current forward step and compensates towards Cancelled, giving back whatever the step may have taken:
    // it counts as completed, so its compensation runs (the owning module answers it whether or not it took effect).
    private void Abandon(Order order, FulfilmentSaga saga, string why)
    {
        history.Record(order.Id, "Saga", order.Id, "StepAbandoned", saga.CurrentStep.ToString(), saga.CurrentStep.ToString(),
            $"{why} The order is being cancelled, so what {saga.CurrentStep} may hold is given back.");
        LogStepAbandoned(order.Id, saga.CurrentStep, why);
        saga.MarkCompleted(saga.CurrentStep);
        BeginCompensation(order, saga, SagaOutcome.Cancelled);
    }

    private static string OwnerOf(SagaStep step) => SagaDefinition.Of(step).Owner;
}
