using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Review;

// Ordering's answer to the review step (ADR 0018): an order that matches no rule is cleared at once; one that matches
// is held until an operator approves or rejects it, or the step's deadline (Fulfilment:ReviewDeadline) rejects it.
internal sealed partial class ReviewDesk(
    OrderingDbContext db, HistoryLog<OrderingDbContext> history, TimeProvider time, ReviewRules rules, ILogger<ReviewDesk> logger)
{
    private DateTimeOffset Now => time.GetUtcNow();

    public async Task ReviewAsync(OrderFulfilment fulfilment, Order order, FulfilmentSaga saga, CancellationToken cancellationToken)
    {
        if (!IsInReview(saga))
        {
            return; // a repeat after the step moved on (decided, given up for a cancellation): nothing to review
        }

        var expiresAt = saga.NextAttemptAt ?? Now;
        if (order.HoldReasons is { } held)
        {
            // Sent again (an operator's retry of the step): the hold now ends with the step's new deadline.
            order.Hold(held, order.HeldAt ?? Now, expiresAt);
            return;
        }

        var reasons = await rules.MatchAsync(order, cancellationToken);
        if (reasons.Count == 0)
        {
            fulfilment.Handle(order, saga, new ReviewCleared(order.Id, "no review rule matched"));
            return;
        }

        order.Hold(reasons, Now, expiresAt);
        var why = string.Join("; ", reasons);
        history.Record(order.Id, "Order", order.Id, "OrderHeld", order.Status.ToString(), order.Status.ToString(),
            $"{why}; rejected at {expiresAt.ToString("O", CultureInfo.InvariantCulture)} unless an operator decides");
        LogHeld(order.Id, why, expiresAt);
    }

    // Why there is nothing to decide, in words: who decided and when (from the order's history), or that nobody had to,
    // and what to do instead (issue 11: two refusals hedged, "it was never held, or its review was already decided").
    private async Task<string> NotHeldAsync(Order order, FulfilmentSaga saga, CancellationToken cancellationToken)
    {
        var decision = await db.History.AsNoTracking()
            .Where(h => h.OrderId == order.Id && (h.Event == Approved || h.Event == Rejected
                || (h.Event == "StepExpired" && h.FromState == nameof(SagaStep.ReviewOrder))))
            .OrderByDescending(h => h.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var decided = decision switch
        {
            null => null,
            { Event: "StepExpired" } => $"was rejected in review at {StallDetection.Time(decision.OccurredAt)}, when its review deadline passed " +
                "with nobody deciding",
            _ => $"was already {(decision.Event == Approved ? "approved" : "rejected")} in review by {DeciderOf(decision.Detail)} " +
                $"at {StallDetection.Time(decision.OccurredAt)}{ReasonOf(decision.Detail)}",
        };
        return (order.Status, saga.CancelRequested, decided) switch
        {
            (OrderStatus.Cancelled, _, _) => $"Order {order.Id} is cancelled, so there is nothing to approve or reject.",
            (_, true, _) => $"Order {order.Id} is being cancelled, so it can no longer be approved or rejected: its cancellation gives back " +
                "what it holds. Nothing else is needed; its timeline shows the cancellation as it goes on.",
            (_, _, { } said) => $"Order {order.Id} {said}, so there is nothing left to decide (it is {order.Status} now).",
            (OrderStatus.Rejected, _, null) => $"Order {order.Id} was rejected ({order.RejectionReason}) without being held for review, " +
                "so there is nothing to decide.",
            _ when order.HeldAt is null => $"Order {order.Id} was never held for review (it is {order.Status}), so there is nothing to approve " +
                "or reject. The orders that wait for a decision are listed as held.",
            _ => $"Order {order.Id} does not wait for a review decision now (it is {order.Status}), so there is nothing to approve or reject. " +
                "The orders that wait for a decision are listed as held.",
        };
    }

    // HoldApproved and HoldRejected say "by <operator>" and, when one was given, ": <reason>".
    private static string DeciderOf(string? detail) =>
        detail is not null && detail.StartsWith("by ", StringComparison.Ordinal) ? detail[3..].Split(": ", 2)[0] : "an operator";

    private static string ReasonOf(string? detail) =>
        detail?.Split(": ", 2) is [_, var reason] ? $" (reason: {reason})" : "";

    // An operator's decision; 409 order-not-held when the order does not wait in review (never held, decided, expired,
    // or being cancelled), saying who decided and when.
    public async Task DecideAsync(OrderFulfilment fulfilment, Order order, FulfilmentSaga saga, bool approve, string actor, string? reason,
        CancellationToken cancellationToken)
    {
        if (order.HeldAt is null || !IsInReview(saga))
        {
            throw new ConflictException(await NotHeldAsync(order, saga, cancellationToken), "order-not-held");
        }

        history.Record(order.Id, "Order", order.Id, approve ? Approved : Rejected, order.Status.ToString(), order.Status.ToString(),
            $"by {actor}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}"));
        fulfilment.Handle<object>(order, saga, approve ? new ReviewCleared(order.Id, actor) : new ReviewRejected(order.Id, reason ?? "no reason given"));
        LogDecided(order.Id, approve ? "approved" : "rejected", actor);
    }

    private const string Approved = "HoldApproved";
    private const string Rejected = "HoldRejected";

    private static bool IsInReview(FulfilmentSaga saga) =>
        saga.CurrentStep == SagaStep.ReviewOrder && saga.Status == SagaStatus.Running && !saga.CancelRequested;

    [LoggerMessage(LogLevel.Warning, "Order {OrderId} is held for review ({Reasons}); an operator approves or rejects it (POST /api/v1/orders/{OrderId}/review/approve or /reject, or the console) before {ExpiresAt}, else it is rejected.")]
    private partial void LogHeld(Guid orderId, string reasons, DateTimeOffset expiresAt);

    [LoggerMessage(LogLevel.Information, "Order {OrderId}: review {Decision} by {Actor}.")]
    private partial void LogDecided(Guid orderId, string decision, string actor);
}
