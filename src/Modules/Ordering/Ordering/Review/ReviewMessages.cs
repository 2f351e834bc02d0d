using System.Globalization;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Review;

// The review step's command, sent by the saga to Ordering itself, and its two answers (SagaDefinition). Ordering answers
// at once when no rule matches (ReviewCleared); otherwise an operator's decision or the step's deadline does.
internal sealed record ReviewOrder(Guid OrderId);

// By: who cleared it ("no rule matched" or the approving operator).
internal sealed record ReviewCleared(Guid OrderId, string By);

internal sealed record ReviewRejected(Guid OrderId, string Reason)
{
    // What the review step's deadline stands for: nobody decided in time.
    public static ReviewRejected NoDecision(Order order) => new(order.Id, order.HoldExpiresAt is { } expiresAt
        ? $"no decision before {expiresAt.ToString("O", CultureInfo.InvariantCulture)} (Fulfilment:ReviewDeadline)"
        : "no decision in time (Fulfilment:ReviewDeadline)");
}
