using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// Answers to the saga's own commands. An answer for a step the saga is not waiting for is stale
// (a repeat after a deadline) and changes nothing.
internal sealed partial class OrderFulfilment
{
    public void Handle(Order order, FulfilmentSaga saga, object reply)
    {
        if (AwaitedStep(reply) is not { } step || !saga.IsWaitingFor(step))
        {
            Unawaited(order, saga, reply);
            return;
        }

        RecordAnswered(saga, step);

        if (saga.Status == SagaStatus.Failed)
        {
            saga.Fire(SagaTrigger.Resume, Now, db, $"late answer to {step}");
        }

        switch (reply)
        {
            case StockReserved:
                saga.StockHeld = true;
                Proceed(order, saga, SagaStep.AuthorizePayment);
                break;
            case StockReservationRejected rejected:
                saga.LastError = rejected.Reason;
                BeginCompensation(order, saga, SagaOutcome.OutOfStock);
                break;
            case PaymentAuthorized authorized:
                order.PaymentChanged(authorized.PaymentId, "Authorized", Now);
                saga.PaymentHeld = true;
                Proceed(order, saga, SagaStep.CreateShipment);
                break;
            case PaymentDeclined declined:
                order.PaymentChanged(declined.PaymentId, "Declined", Now);
                saga.LastError = declined.Reason;
                BeginCompensation(order, saga, SagaOutcome.PaymentDeclined);
                break;
            case PaymentFailed failed:
                order.PaymentChanged(failed.PaymentId, "Failed", Now);
                saga.LastError = failed.Reason;
                BeginCompensation(order, saga, SagaOutcome.PaymentFailed);
                break;
            case ShipmentCreated created:
                order.ShipmentChanged(created.ShipmentId, "ReadyToShip", Now);
                saga.ShipmentHeld = true;
                if (saga.CancelRequested)
                {
                    BeginCompensation(order, saga, SagaOutcome.Cancelled);
                }
                else
                {
                    Complete(order, saga);
                }

                break;
            case ShipmentCancelled cancelled:
                if (cancelled.ShipmentId is not null)
                {
                    order.ShipmentChanged(cancelled.ShipmentId, "Cancelled", Now);
                }

                saga.ShipmentHeld = false;
                NextCompensation(order, saga);
                break;
            case ShipmentCancellationRefused refused:
                CancellationLost(order, saga, refused);
                break;
            case PaymentVoided voided:
                if (voided.PaymentId is not null)
                {
                    order.PaymentChanged(voided.PaymentId, "Voided", Now);
                }

                saga.PaymentHeld = false;
                NextCompensation(order, saga);
                break;
            case StockReleased:
                saga.StockHeld = false;
                NextCompensation(order, saga);
                break;
        }
    }

    // A reply the saga no longer waits for still tells what the other module holds: the order's payment and shipment
    // fields follow it, and something taken for an order that no longer wants it is given back.
    private void Unawaited(Order order, FulfilmentSaga saga, object reply)
    {
        switch (reply)
        {
            case PaymentAuthorized authorized:
                order.PaymentChanged(authorized.PaymentId, "Authorized", Now);
                break;
            case PaymentDeclined declined:
                order.PaymentChanged(declined.PaymentId, "Declined", Now);
                break;
            case PaymentFailed failed:
                order.PaymentChanged(failed.PaymentId, "Failed", Now);
                break;
            case PaymentVoided { PaymentId: not null } voided:
                order.PaymentChanged(voided.PaymentId, "Voided", Now);
                break;
            case ShipmentCreated created:
                order.ShipmentChanged(created.ShipmentId, "ReadyToShip", Now);
                break;
            case ShipmentCancelled { ShipmentId: not null } cancelled:
                order.ShipmentChanged(cancelled.ShipmentId, "Cancelled", Now);
                break;
        }

        var unwanted = reply switch
        {
            StockReserved when !saga.StockHeld && saga.CurrentStep != SagaStep.ReleaseStock => new ReleaseStock(order.Id),
            PaymentAuthorized when !saga.PaymentHeld && saga.CurrentStep != SagaStep.VoidPayment => new VoidPayment(order.Id),
            ShipmentCreated when !saga.ShipmentHeld && saga.CurrentStep != SagaStep.CancelShipment => new CancelShipment(order.Id),
            _ => (object?)null,
        };
        if (unwanted is not null)
        {
            db.RecordHistory(order.Id, "Saga", order.Id, "LateHoldReleased", saga.Status.ToString(), saga.Status.ToString(),
                $"{reply.GetType().Name} arrived after the saga stopped waiting for it; {unwanted.GetType().Name} sent.");
            LogLateHoldReleased(order.Id, reply.GetType().Name, unwanted.GetType().Name);
            db.Publish(unwanted);
        }
    }

    private void RecordAnswered(FulfilmentSaga saga, SagaStep step)
    {
        var duration = Now - (saga.StepStartedAt ?? saga.StartedAt);
        var attempts = saga.Attempts;
        db.AfterCommit(() => metrics.StepAnswered(step, duration, attempts));
    }

    private static SagaStep? AwaitedStep(object reply) => reply switch
    {
        StockReserved or StockReservationRejected => SagaStep.ReserveStock,
        PaymentAuthorized or PaymentDeclined or PaymentFailed => SagaStep.AuthorizePayment,
        ShipmentCreated => SagaStep.CreateShipment,
        ShipmentCancelled or ShipmentCancellationRefused => SagaStep.CancelShipment,
        PaymentVoided => SagaStep.VoidPayment,
        StockReleased => SagaStep.ReleaseStock,
        _ => null,
    };

    private void Proceed(Order order, FulfilmentSaga saga, SagaStep next)
    {
        if (saga.CancelRequested)
        {
            BeginCompensation(order, saga, SagaOutcome.Cancelled);
            return;
        }

        EnterStep(order, saga, next);
    }

    // The shipment left before the cancellation reached it: the order ships whole, nothing is given back.
    private void CancellationLost(Order order, FulfilmentSaga saga, ShipmentCancellationRefused refused)
    {
        saga.CancelRequested = false;
        saga.Outcome = null;
        order.CancellationRefused(Now);
        saga.LastError = $"Cancellation refused: the shipment is already {refused.Status}.";
        saga.Fire(SagaTrigger.Complete, Now, db, saga.LastError);
        if (order.Status == OrderStatus.Pending)
        {
            // Cancelled before ShipmentCreated arrived: the order never reached Confirmed, and must not stay Pending.
            ConfirmAfterLostCancellation(order);
        }

        saga.CurrentStep = SagaStep.None;
        saga.NextAttemptAt = null;
        saga.RetryUnderWay = false;
        WithdrawDeadline(saga);
        saga.Version++;
    }
}
