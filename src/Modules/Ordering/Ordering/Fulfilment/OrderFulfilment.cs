using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Metrics;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Review;

namespace OrderManagement.Ordering.Fulfilment;

// Runs SagaDefinition for one order: fires the machine's triggers, starts each step it enters (its command and a durable
// deadline), and settles the order when the saga completes or is compensated.
internal sealed partial class OrderFulfilment(
    OrderingDbContext db,
    OutboxPublisher<OrderingDbContext> outbox,
    HistoryLog<OrderingDbContext> history,
    AfterCommit<OrderingDbContext> afterCommit,
    TimeProvider time,
    IOptionsMonitor<FulfilmentOptions> options,
    IOptionsMonitor<StallOptions> stalls,
    IOptionsMonitor<ReviewOptions> review,
    OrderingMetrics metrics,
    ILogger<OrderFulfilment> logger)
{
    private readonly FulfilmentOptions _options = options.CurrentValue;

    private DateTimeOffset Now => time.GetUtcNow();

    public FulfilmentSaga Start(Order order)
    {
        var saga = FulfilmentSaga.Start(order.Id, Now);
        db.Sagas.Add(saga);
        Move(order, saga, SagaTrigger.Continue);
        return saga;
    }

    // Fires a trigger; a step the saga enters starts at once. When the saga ends, the order's own transition comes first
    // (in the history too): the saga completes because the order is confirmed, it is compensated once the order is ended.
    private void Move(Order order, FulfilmentSaga saga, SagaTrigger trigger, string? detail = null)
    {
        var stepBefore = saga.CurrentStep;
        if (trigger == SagaTrigger.Continue && saga.State == SagaDefinition.Forward[^1].State)
        {
            order.Fire(OrderTrigger.Confirm, Now, history);
            RecordConfirmed(order);
        }
        else if (trigger == SagaTrigger.Continue && saga.Status == SagaStatus.Compensating && SagaDefinition.NextCompensation(saga) == SagaState.Compensated)
        {
            EndOrder(order, saga);
        }

        saga.Fire(trigger, Now, history, detail);
        if (SagaDefinition.StepIn(saga.State) is { } step && step.Step != stepBefore)
        {
            StartStep(order, saga);
        }
        else if (saga.State is SagaState.Completed or SagaState.Compensated)
        {
            Settle(saga);
        }
    }

    private void StartStep(Order order, FulfilmentSaga saga)
    {
        saga.StepStartedAt = Now;
        saga.Attempts = 1;
        saga.LastError = null;
        saga.RetryUnderWay = false;
        if (SagaDefinition.Of(saga.CurrentStep).AnswerAtStart?.Invoke(order, new LiveSettings(review.CurrentValue)) is { } answer)
        {
            Handle(order, saga, answer);
            return;
        }

        SendStep(order, saga);
    }

    // Sends the current step's command with a fresh deadline; receivers treat repeats idempotently.
    private void SendStep(Order order, FulfilmentSaga saga)
    {
        var step = SagaDefinition.Of(saga.CurrentStep);
        outbox.Publish(step.Command(order));
        var deadline = _options.DeadlineFor(step.Deadline);
        saga.NextAttemptAt = Now + deadline;
        saga.UpdatedAt = Now;
        WithdrawDeadline(saga);
        saga.DeadlineDeliveryId = outbox.Publish(new FulfilmentDeadline(order.Id, saga.CurrentStep, saga.Attempts), deadline)[0];
    }

    private void WithdrawDeadline(FulfilmentSaga saga)
    {
        if (saga.DeadlineDeliveryId is { } pending)
        {
            outbox.CancelScheduled(pending);
            saga.DeadlineDeliveryId = null;
        }
    }

    private void BeginCompensation(Order order, FulfilmentSaga saga, SagaOutcome outcome)
    {
        saga.Outcome = saga.CancelRequested ? SagaOutcome.Cancelled : outcome;
        if (saga.Status != SagaStatus.Compensating)
        {
            Move(order, saga, SagaTrigger.Compensate, saga.Outcome.ToString());
            LogCompensationStarted(saga.Outcome == SagaOutcome.Cancelled ? LogLevel.Information : LogLevel.Warning, order.Id, saga.Outcome.Value, saga.LastError ?? "none");
        }

        Move(order, saga, SagaTrigger.Continue);
    }

    private void EndOrder(Order order, FulfilmentSaga saga)
    {
        var outcome = saga.Outcome ?? SagaOutcome.Cancelled;
        if (outcome == SagaOutcome.Cancelled)
        {
            order.Fire(OrderTrigger.Cancel, Now, history);
        }
        else
        {
            order.Fire(OrderTrigger.Reject, Now, history, outcome.ToString(), RejectionOf(outcome));
        }

        afterCommit.Add(outcome == SagaOutcome.Cancelled ? metrics.Cancelled : () => metrics.Rejected(RejectionOf(outcome)));
    }

    private void Settle(FulfilmentSaga saga)
    {
        saga.NextAttemptAt = null;
        saga.RetryUnderWay = false;
        WithdrawDeadline(saga);
    }

    private void RecordConfirmed(Order order)
    {
        var sincePlaced = Now - order.CreatedAt;
        afterCommit.Add(() => metrics.Confirmed(sincePlaced));
    }

    private static RejectionReason RejectionOf(SagaOutcome outcome) => outcome switch
    {
        SagaOutcome.OutOfStock => RejectionReason.OutOfStock,
        SagaOutcome.PaymentDeclined => RejectionReason.PaymentDeclined,
        SagaOutcome.RejectedInReview => RejectionReason.RejectedInReview,
        _ => RejectionReason.PaymentFailed,
    };
}
