using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Fulfilment;

// Deadlines, cancellation and operator actions: the ways a saga is moved when an answer does not come.
internal sealed partial class OrderFulfilment
{
    public void DeadlinePassed(Order order, FulfilmentSaga saga, FulfilmentDeadline deadline)
    {
        if (saga.CurrentStep != deadline.Step || saga.Attempts != deadline.Attempt
            || saga.Status is not (SagaStatus.Running or SagaStatus.Compensating))
        {
            return;
        }

        if (saga.Attempts < _options.MaxStepAttempts)
        {
            saga.Attempts++;
            saga.LastError = $"No answer to {saga.CurrentStep} in time; sending it again (attempt {saga.Attempts} of {_options.MaxStepAttempts}).";
            db.RecordHistory(order.Id, "Saga", order.Id, "StepRetried", saga.CurrentStep.ToString(), saga.CurrentStep.ToString(), saga.LastError);
            SendStep(order, saga);
            return;
        }

        if (saga.CancelRequested && saga.Status == SagaStatus.Running)
        {
            // The order was cancelled while this step went unanswered: instead of waiting for an operator, give back
            // whatever the step may have taken, as cancelling an already failed saga does.
            db.RecordHistory(order.Id, "Saga", order.Id, "StepAbandoned", saga.CurrentStep.ToString(), saga.CurrentStep.ToString(),
                $"No answer to {saga.CurrentStep} after {saga.Attempts} attempts; the order is cancelled, so what it may hold is given back.");
            HoldWhatTheStepMayHaveTaken(saga);
            BeginCompensation(order, saga, SagaOutcome.Cancelled);
            return;
        }

        Fail(order, saga, $"No answer to {saga.CurrentStep} after {saga.Attempts} attempts. Check the dead letters, then retry the saga.");
    }

    public void Fail(Order order, FulfilmentSaga saga, string error)
    {
        saga.LastError = error;
        if (saga.Status is not (SagaStatus.Running or SagaStatus.Compensating))
        {
            saga.Version++;
            return;
        }

        var (from, to) = saga.Fire(SagaTrigger.Fail, Now);
        saga.NextAttemptAt = null;
        WithdrawDeadline(saga);
        saga.Version++;
        db.RecordHistory(order.Id, "Saga", order.Id, "SagaFailed", from, to, error);
    }

    // Returns false when the order was already cancelled (the API answers 200 instead of 202).
    public bool RequestCancellation(Order order, FulfilmentSaga saga, string actor, string? reason)
    {
        if (order.Status == OrderStatus.Cancelled)
        {
            return false;
        }

        if (order.Status is not (OrderStatus.Pending or OrderStatus.Confirmed))
        {
            throw new ConflictException($"Order {order.Id} is {order.Status}; only Pending or Confirmed orders can be cancelled.", "order-not-cancellable");
        }

        if (saga.CancelRequested)
        {
            return true;
        }

        saga.CancelRequested = true;
        saga.Version++;
        db.RecordHistory(order.Id, "Order", order.Id, "CancellationRequested", order.Status.ToString(), order.Status.ToString(),
            $"by {actor}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}"));

        switch (saga.Status)
        {
            case SagaStatus.Completed:
                BeginCompensation(order, saga, SagaOutcome.Cancelled);
                break;
            case SagaStatus.Compensating:
                saga.Outcome = SagaOutcome.Cancelled;
                break;
            case SagaStatus.Failed:
                // The failed step's answer may never have arrived: give back whatever it may have taken.
                HoldWhatTheStepMayHaveTaken(saga);
                BeginCompensation(order, saga, SagaOutcome.Cancelled);
                break;
        }

        return true;
    }

    public void Retry(Order order, FulfilmentSaga saga, string actor, string? reason)
    {
        var waiting = saga.Status is (SagaStatus.Running or SagaStatus.Compensating) && saga.NextAttemptAt is not null;
        if (saga.Status != SagaStatus.Failed && !waiting)
        {
            throw new ConflictException($"The saga of order {order.Id} is {saga.Status} and waits for nothing; there is nothing to retry.", "nothing-to-retry");
        }

        if (saga.Status == SagaStatus.Failed)
        {
            saga.Fire(SagaTrigger.Resume, Now);
        }

        saga.Attempts = 1;
        db.RecordHistory(order.Id, "Saga", order.Id, "OperatorRetry", saga.CurrentStep.ToString(), saga.CurrentStep.ToString(),
            $"by {actor}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}"));
        SendStep(order, saga);
    }

    private static void HoldWhatTheStepMayHaveTaken(FulfilmentSaga saga)
    {
        switch (saga.CurrentStep)
        {
            case SagaStep.ReserveStock:
                saga.StockHeld = true;
                break;
            case SagaStep.AuthorizePayment:
                saga.PaymentHeld = true;
                break;
            case SagaStep.CreateShipment:
                saga.ShipmentHeld = true;
                break;
        }
    }
}
