using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Review;

namespace OrderManagement.Ordering.Fulfilment;

// Which of FulfilmentOptions' deadlines a step waits for its answer.
internal enum DeadlineKind
{
    Default,
    Payment,

    // How long an order held for review waits for an operator's decision (Fulfilment:ReviewDeadline).
    Review,
}

// One row of SagaDefinition: a step, the state the saga is in while it waits, the module that answers, the command
// it sends (again after each missed deadline), the replies it awaits and, for a forward step, the step that undoes it.
// OnDeadline: for a step whose deadline is itself an answer (a review nobody decided in time), the reply its deadline
// stands for; such a step's command is never sent again. AbandonOnCancel: a cancellation gives the step up at once
// instead of waiting for its answer, because its owner keeps a trace of an undo that overtakes the command (or the step
// holds nothing). AnswerAtStart: for a step whose answer may be known the moment it starts (no review with review off),
// that answer under the live settings, or null to send the command as usual; a known answer is taken in the same
// transaction, so the step costs no message, deadline or delivery.
internal sealed record SagaStepDefinition(
    SagaStep Step,
    SagaState State,
    string Owner,
    DeadlineKind Deadline,
    Type CommandType,
    Func<Order, object> Command,
    IReadOnlyList<SagaReply> Replies,
    SagaStep? CompensatedBy = null,
    Func<Order, object>? OnDeadline = null,
    bool AbandonOnCancel = false,
    Func<Order, LiveSettings, object?>? AnswerAtStart = null);

// The live settings (GET/PUT /api/v1/ops/settings) a step's AnswerAtStart may read, as they are when the step starts.
internal sealed record LiveSettings(ReviewOptions Review);

// An awaited reply: the trigger it fires (Continue: the step is done; Compensate: the step is refused, with the
// outcome and the reason it gives), and what the order shows of it (its payment or shipment status), which applies
// also when the reply comes late.
internal sealed record SagaReply(
    Type Type,
    SagaTrigger Trigger,
    SagaOutcome? Outcome,
    Func<object, string?> Reason,
    Action<Order, object, DateTimeOffset> Mirror)
{
    public static SagaReply Done<T>(Action<Order, T, DateTimeOffset>? mirror = null, Func<T, bool>? when = null) =>
        new(typeof(T), SagaTrigger.Continue, null, _ => null, MirrorOf(mirror, when));

    public static SagaReply Refused<T>(SagaOutcome outcome, Func<T, string> reason, Action<Order, T, DateTimeOffset>? mirror = null) =>
        new(typeof(T), SagaTrigger.Compensate, outcome, r => reason((T)r), MirrorOf(mirror, null));

    public static SagaReply Fires<T>(SagaTrigger trigger, Func<T, string> reason) => new(typeof(T), trigger, null, r => reason((T)r), (_, _, _) => { });

    private static Action<Order, object, DateTimeOffset> MirrorOf<T>(Action<Order, T, DateTimeOffset>? mirror, Func<T, bool>? when) =>
        mirror is null ? (_, _, _) => { } : (order, reply, now) =>
        {
            if (when is null || when((T)reply))
            {
                mirror(order, (T)reply, now);
            }
        };
}
