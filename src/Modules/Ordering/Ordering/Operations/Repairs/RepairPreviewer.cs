using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Review;

namespace OrderManagement.Ordering.Operations.Repairs;

// Runs the repair's domain logic on a private DbContext that is never saved and reports what it would have written:
// the history entries (with the operator's own reason), the messages, the dead letters a retry removes or a replay puts
// back in line, and the audit entries. The rules are therefore exactly those the real command applies.
internal sealed class RepairPreviewer(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string CancellationUnderWay =
        "Its cancellation was already requested and is under way (see the timeline); nothing changed. Wait for it, or look at the saga if it stops.";

    // One line per letter (its order, type and what happens to it) and one summary, not one identical sentence per letter
    // (issue 11, defect D); the history entries the replays add differ only by their order, so each kind is said once.
    public async Task<RepairPreview> PreviewReplayAsync(IReadOnlyList<Guid> deadLetterIds, string operatorName, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        var history = scope.ServiceProvider.GetRequiredService<HistoryLog<OrderingDbContext>>();
        var store = scope.ServiceProvider.GetRequiredService<DeadLetterStore>();
        var replays = scope.ServiceProvider.GetRequiredService<DeadLetterReplays>();
        var letters = new List<LetterReplay>();
        var refusals = new List<string>();
        foreach (var id in deadLetterIds.Distinct())
        {
            if (await store.GetAsync(id, cancellationToken) is not { } letter)
            {
                refusals.Add((await replays.NotReplayableAsync(id, cancellationToken)).Message);
                continue;
            }

            if (await replays.MootRefusalAsync(letter, cancellationToken) is { } moot)
            {
                refusals.Add(moot.Message);
                continue;
            }

            var recorded = await DeadLetterReplays.RecordAsync(db, history, letter, operatorName, reason, cancellationToken);
            letters.Add(new LetterReplay(letter.Id, MessagePayloads.OrderIdOf(letter.Payload), letter.MessageType, letter.Module,
                $"back in line for {letter.Module} with fresh attempts (dead-lettered {StallDetection.Time(letter.FailedAt)} after " +
                $"{letter.Attempts} attempts){(recorded ? "; DeadLetterReplayed in the order's history" : "; it is about no order, so no history entry")}"));
        }

        if (letters.Count == 0)
        {
            return new RepairPreview(RepairKind.ReplayDeadLetter, false, string.Join(" ", refusals), []);
        }

        var orders = letters.Select(l => l.OrderId).OfType<Guid>().Distinct().Count();
        List<string> changes =
        [
            $"Puts {Counted(letters.Count, "dead letter")}{(orders == 0 ? "" : $" of {Counted(orders, "order")}")} back in line with fresh attempts, each for the module " +
            "that could not handle it (it is handled again, idempotently), as listed below",
        ];
        changes.AddRange(Changes(db).GroupBy(change => change).Select(same => same.Count() == 1 ? same.Key : $"{same.Key} (in each of the {same.Count()} orders' history)"));
        changes.Add($"Operators' audit: {DeadLetterReplays.AuditAction} by {operatorName}, once for each letter, with the reason \"{reason}\"");
        changes.AddRange(refusals.Select(refusal => "Leaves alone: " + refusal));
        return new RepairPreview(RepairKind.ReplayDeadLetter, true, null, changes) { Letters = letters };
    }

    private static string Counted(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";

    public async Task<RepairPreview> PreviewAsync(Guid orderId, RepairKind kind, string operatorName, string reason, CancellationToken cancellationToken)
    {
        if (kind == RepairKind.ReplayDeadLetter)
        {
            return new RepairPreview(kind, false, OrderRepairs.ReplayNamesTheLetter, []);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        var fulfilment = scope.ServiceProvider.GetRequiredService<OrderFulfilment>();
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        var saga = await db.Sagas.FirstOrDefaultAsync(s => s.OrderId == orderId, cancellationToken);
        if (order is null || saga is null)
        {
            return new RepairPreview(kind, false, $"There is no order {orderId}.", []);
        }

        IReadOnlyList<PendingMessage> removed = [];
        try
        {
            if (kind == RepairKind.RetryStep)
            {
                var step = saga.CurrentStep;
                fulfilment.Retry(order, saga, operatorName, reason);
                removed = await SupersededDeadLetters.RecordAsync(order.Id, step, scope.ServiceProvider.GetRequiredService<OutboxInspector>(),
                    scope.ServiceProvider.GetRequiredService<MessageTypeMap>(), scope.ServiceProvider.GetRequiredService<HistoryLog<OrderingDbContext>>(),
                    cancellationToken);
            }
            else if (kind is RepairKind.ApproveReview or RepairKind.RejectReview)
            {
                await scope.ServiceProvider.GetRequiredService<ReviewDesk>().DecideAsync(fulfilment, order, saga, kind == RepairKind.ApproveReview, operatorName, reason,
                    cancellationToken);
            }
            else if (!fulfilment.RequestCancellation(order, saga, operatorName, reason))
            {
                return new RepairPreview(kind, false, $"Order {orderId} is already cancelled.", []);
            }
        }
        catch (ConflictException refused)
        {
            return new RepairPreview(kind, false, refused.Message, []);
        }

        var changes = Changes(db);
        if (kind == RepairKind.Cancel && changes.Count == 0)
        {
            return new RepairPreview(kind, false, CancellationUnderWay, []);
        }

        changes.AddRange(removed.Select(l => $"Removes dead letter {l.Id} ({l.MessageType} to {l.To}) from the dead letters: the retry sends it again"));
        changes.Add($"Operators' audit: {AuditAction(kind)} on this order by {operatorName}, with the reason \"{reason}\"");
        return new RepairPreview(kind, true, null, changes);
    }

    // The action name the audit behaviour records for the repair's command (its IOperatorCommand.Describe).
    private static string AuditAction(RepairKind kind) => kind switch
    {
        RepairKind.RetryStep => "RetryStep",
        RepairKind.ApproveReview => "ApproveReview",
        RepairKind.RejectReview => "RejectReview",
        _ => "CancelOrder",
    };

    private List<string> Changes(OrderingDbContext db)
    {
        var now = time.GetUtcNow();
        var changes = new List<string>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (entry.Entity is HistoryRecord history)
            {
                var move = (history.FromState, history.ToState) switch
                {
                    (null, null) => "",
                    var (from, to) when from == to => $" ({to})",
                    var (from, to) => $" ({from ?? "—"} → {to ?? "—"})",
                };
                changes.Add($"{history.Subject}: {history.Event}{move}" + (history.Detail is null ? "" : $" {history.Detail}"));
            }
            else if (entry.Metadata.ClrType.Name == "OutboxMessage")
            {
                var type = (string)entry.Property("Type").CurrentValue!;
                var consumer = (string)entry.Property("Consumer").CurrentValue!;
                var due = (DateTimeOffset)entry.Property("AvailableAt").CurrentValue!;
                changes.Add(due > now
                    ? $"Schedules {type} for {consumer} in {Math.Round((due - now).TotalSeconds)} s (the step's deadline)"
                    : $"Sends {type} to {consumer}");
            }
        }

        return changes;
    }
}
