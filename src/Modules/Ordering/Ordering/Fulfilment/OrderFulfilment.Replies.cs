using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Fulfilment;

// Answers to the saga's own commands, looked up by type in SagaDefinition. An answer for a step the saga is not waiting
// for (a repeat after a deadline, or one that overtook a cancellation) moves nothing, but is never dropped unseen.
internal sealed partial class OrderFulfilment
{
    public void Handle<TReply>(Order order, FulfilmentSaga saga, TReply reply)
        where TReply : notnull
    {
        // By the reply's own type: a step's OnDeadline answer arrives typed as object.
        if (!SagaDefinition.Replies.TryGetValue(reply.GetType(), out var awaited))
        {
            Record(order, saga, "UnexpectedReply", $"{reply.GetType().Name} is not a reply of any step of the saga; nothing was done.");
            LogUnexpectedReply(order.Id, reply.GetType().Name);
            return;
        }

        var (step, answer) = awaited;
        answer.Mirror(order, reply, Now);
        if (!saga.IsWaitingFor(step.Step))
        {
            Unawaited(order, saga, step, answer);
            return;
        }

        RecordAnswered(saga, step.Step);
        if (saga.Status == SagaStatus.Failed)
        {
            saga.Fire(SagaTrigger.Resume, Now, history, $"late answer to {step.Step}");
        }

        switch (answer.Trigger)
        {
            case SagaTrigger.Continue:
                saga.MarkCompleted(step.Step);
                if (saga.Status == SagaStatus.Running && saga.CancelRequested)
                {
                    BeginCompensation(order, saga, SagaOutcome.Cancelled);
                }
                else
                {
                    Move(order, saga, SagaTrigger.Continue);
                }

                break;
            case SagaTrigger.Compensate:
                saga.LastError = answer.Reason(reply);
                BeginCompensation(order, saga, answer.Outcome ?? SagaOutcome.Cancelled);
                break;
            default:
                CancellationLost(order, saga, answer.Reason(reply));
                break;
        }
    }

    // A late "done" still tells what the other module holds: something taken for an order that no longer wants it is
    // given back. Any other late reply is recorded, so the history shows it arrived.
    private void Unawaited(Order order, FulfilmentSaga saga, SagaStepDefinition step, SagaReply answer)
    {
        var name = answer.Type.Name;
        if (answer.Trigger == SagaTrigger.Continue && step.CompensatedBy is { } undo && !saga.Holds(step) && saga.CurrentStep != undo)
        {
            var command = SagaDefinition.Of(undo).Command(order);
            Record(order, saga, "LateHoldReleased", $"{name} arrived after the saga stopped waiting for it; {command.GetType().Name} sent.");
            LogLateHoldReleased(order.Id, name, command.GetType().Name);
            outbox.Publish(command);
            return;
        }

        Record(order, saga, "ReplyIgnored", $"{name} answers {step.Step}, but the saga is {saga.Status} at {saga.CurrentStep}; nothing to do.");
        LogReplyIgnored(order.Id, name, step.Step, saga.Status, saga.CurrentStep);
    }

    private void Record(Order order, FulfilmentSaga saga, string @event, string detail) =>
        history.Record(order.Id, "Saga", order.Id, @event, saga.Status.ToString(), saga.Status.ToString(), detail);

    private void RecordAnswered(FulfilmentSaga saga, SagaStep step)
    {
        var duration = Now - (saga.StepStartedAt ?? saga.StartedAt);
        var attempts = saga.Attempts;
        afterCommit.Add(() => metrics.StepAnswered(step, duration, attempts));
    }

    // The shipment left before the cancellation reached it: the order ships whole, nothing is given back.
    private void CancellationLost(Order order, FulfilmentSaga saga, string? why)
    {
        saga.CancelRequested = false;
        saga.Outcome = null;
        order.CancellationRefused(Now);
        saga.LastError = $"Cancellation refused: {why}.";
        saga.Fire(SagaTrigger.CancellationRefused, Now, history, saga.LastError);
        if (order.Status == OrderStatus.Pending)
        {
            // Cancelled before ShipmentCreated arrived: the order never reached Confirmed, and must not stay Pending.
            ConfirmAfterLostCancellation(order);
        }

        Settle(saga);
    }
}
