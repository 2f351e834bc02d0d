using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Metrics;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// The order fulfilment saga: reserve stock, authorize payment, create the shipment; on a refusal or a
// cancellation, give back what is held in reverse order. Every step has a durable deadline.
internal sealed partial class OrderFulfilment(OrderingDbContext db, IOptionsMonitor<FulfilmentOptions> options, OrderingMetrics metrics, ILogger<OrderFulfilment> logger)
{
    private readonly FulfilmentOptions _options = options.CurrentValue;

    private DateTimeOffset Now => db.Time.GetUtcNow();

    public FulfilmentSaga Start(Order order)
    {
        var saga = FulfilmentSaga.Start(order.Id, Now);
        db.Sagas.Add(saga);
        EnterStep(order, saga, SagaStep.ReserveStock);
        return saga;
    }

    private void EnterStep(Order order, FulfilmentSaga saga, SagaStep step)
    {
        var previous = saga.CurrentStep;
        saga.CurrentStep = step;
        saga.StepStartedAt = Now;
        saga.Attempts = 1;
        saga.LastError = null;
        saga.RetryUnderWay = false;
        db.RecordHistory(order.Id, "Saga", order.Id, "StepStarted", previous.ToString(), step.ToString());
        SendStep(order, saga);
    }

    // Sends the current step's command with a fresh deadline; receivers treat repeats idempotently.
    private void SendStep(Order order, FulfilmentSaga saga)
    {
        db.Publish(CommandFor(order, saga.CurrentStep));
        var deadline = _options.DeadlineFor(saga.CurrentStep);
        saga.NextAttemptAt = Now + deadline;
        saga.UpdatedAt = Now;
        saga.Version++;
        WithdrawDeadline(saga);
        saga.DeadlineDeliveryId = db.Publish(new FulfilmentDeadline(order.Id, saga.CurrentStep, saga.Attempts), deadline)[0];
    }

    private void WithdrawDeadline(FulfilmentSaga saga)
    {
        if (saga.DeadlineDeliveryId is { } pending)
        {
            db.CancelScheduled(pending);
            saga.DeadlineDeliveryId = null;
        }
    }

    private static object CommandFor(Order order, SagaStep step) => step switch
    {
        SagaStep.ReserveStock => new ReserveStock(order.Id, order.Lines.Select(l => new StockLine(l.Sku, l.Quantity)).ToList()),
        SagaStep.AuthorizePayment => new AuthorizePayment(order.Id, order.Total, order.Currency, order.PaymentMethod, order.PaymentToken),
        SagaStep.CreateShipment => new CreateShipment(order.Id,
            order.Lines.Select(l => new ShipmentLine(l.Sku, l.Quantity)).ToList(),
            new ShipmentAddress(order.ShippingAddress.Name, order.ShippingAddress.Line1, order.ShippingAddress.Line2,
                order.ShippingAddress.City, order.ShippingAddress.PostalCode, order.ShippingAddress.Country)),
        SagaStep.CancelShipment => new CancelShipment(order.Id),
        SagaStep.VoidPayment => new VoidPayment(order.Id),
        SagaStep.ReleaseStock => new ReleaseStock(order.Id),
        _ => throw new InvalidOperationException($"Step {step} sends no command."),
    };

    private void BeginCompensation(Order order, FulfilmentSaga saga, SagaOutcome outcome)
    {
        saga.Outcome = saga.CancelRequested ? SagaOutcome.Cancelled : outcome;
        if (saga.Status != SagaStatus.Compensating)
        {
            saga.Fire(SagaTrigger.Compensate, Now, db, saga.Outcome.ToString());
            LogCompensationStarted(order.Id, saga.Outcome.Value, saga.LastError ?? "none");
        }

        NextCompensation(order, saga);
    }

    private void NextCompensation(Order order, FulfilmentSaga saga)
    {
        if (saga.ShipmentHeld)
        {
            EnterStep(order, saga, SagaStep.CancelShipment);
        }
        else if (saga.PaymentHeld)
        {
            EnterStep(order, saga, SagaStep.VoidPayment);
        }
        else if (saga.StockHeld)
        {
            EnterStep(order, saga, SagaStep.ReleaseStock);
        }
        else
        {
            Finish(order, saga);
        }
    }

    private void Finish(Order order, FulfilmentSaga saga)
    {
        var outcome = saga.Outcome ?? SagaOutcome.Cancelled;
        if (outcome == SagaOutcome.Cancelled)
        {
            order.Fire(OrderTrigger.Cancel, Now, db);
        }
        else
        {
            order.Fire(OrderTrigger.Reject, Now, db, outcome.ToString(), RejectionOf(outcome));
        }

        db.AfterCommit(outcome == SagaOutcome.Cancelled ? metrics.Cancelled : () => metrics.Rejected(RejectionOf(outcome)));
        Settle(order, saga, SagaTrigger.Finish);
    }

    private void Complete(Order order, FulfilmentSaga saga)
    {
        order.Fire(OrderTrigger.Confirm, Now, db);
        RecordConfirmed(order);
        Settle(order, saga, SagaTrigger.Complete);
    }

    private void Settle(Order order, FulfilmentSaga saga, SagaTrigger trigger)
    {
        saga.Fire(trigger, Now, db);
        saga.CurrentStep = SagaStep.None;
        saga.NextAttemptAt = null;
        saga.RetryUnderWay = false;
        WithdrawDeadline(saga);
        saga.Version++;
    }

    private void RecordConfirmed(Order order)
    {
        var sincePlaced = Now - order.CreatedAt;
        db.AfterCommit(() => metrics.Confirmed(sincePlaced));
    }

    private static RejectionReason RejectionOf(SagaOutcome outcome) => outcome switch
    {
        SagaOutcome.OutOfStock => RejectionReason.OutOfStock,
        SagaOutcome.PaymentDeclined => RejectionReason.PaymentDeclined,
        _ => RejectionReason.PaymentFailed,
    };
}
