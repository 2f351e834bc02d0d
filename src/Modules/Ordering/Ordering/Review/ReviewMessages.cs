using System.Globalization;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Review;

// The review step's command, sent by the saga to Ordering itself, and its two answers (SagaDefinition). With review off
// the step is cleared as it starts, without the command; otherwise Ordering answers at once when no rule matches
// (ReviewCleared), or an operator's decision or the step's deadline does.
internal sealed record ReviewOrder(Guid OrderId);

// By: who cleared it ("no rule matched" or the approving operator).
internal sealed record ReviewCleared(Guid OrderId, string By)
{
    // With review off the step is answered as it starts, in the same transaction (SagaStepDefinition.AnswerAtStart).
    public static ReviewCleared ReviewOff(Order order) => new(order.Id, "review is off (Review:Enabled)");
}

internal sealed record ReviewRejected(Guid OrderId, string Reason)
{
    // What the review step's deadline stands for: nobody decided in time.
    public static ReviewRejected NoDecision(Order order) => new(order.Id, order.HoldExpiresAt is { } expiresAt
        ? $"no decision before {expiresAt.ToString("O", CultureInfo.InvariantCulture)} (Fulfilment:ReviewDeadline)"
        : "no decision in time (Fulfilment:ReviewDeadline)");
}
