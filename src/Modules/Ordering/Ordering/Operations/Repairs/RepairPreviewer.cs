using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Review;

namespace OrderManagement.Ordering.Operations.Repairs;

// Runs the repair's domain logic on a private DbContext that is never saved and reports what it would have written:
// the history entries, the messages, the dead letters a retry removes and the audit entry. The rules are therefore exactly
// those the real command applies.
internal sealed class RepairPreviewer(IServiceScopeFactory scopes, TimeProvider time)
{
    public const string CancellationUnderWay =
        "Its cancellation was already requested and is under way (see the timeline); nothing changed. Wait for it, or look at the saga if it stops.";

    private const string Reason = "(your reason)";

    public async Task<RepairPreview> PreviewAsync(Guid orderId, RepairKind kind, string operatorName, CancellationToken cancellationToken)
    {
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
                fulfilment.Retry(order, saga, operatorName, Reason);
                removed = await SupersededDeadLetters.RecordAsync(order.Id, step, scope.ServiceProvider.GetRequiredService<OutboxInspector>(),
                    scope.ServiceProvider.GetRequiredService<MessageTypeMap>(), scope.ServiceProvider.GetRequiredService<HistoryLog<OrderingDbContext>>(),
                    cancellationToken);
            }
            else if (kind is RepairKind.ApproveReview or RepairKind.RejectReview)
            {
                scope.ServiceProvider.GetRequiredService<ReviewDesk>().Decide(fulfilment, order, saga, kind == RepairKind.ApproveReview, operatorName, Reason);
            }
            else if (!fulfilment.RequestCancellation(order, saga, operatorName, Reason))
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
        changes.Add($"Operators' audit: {AuditAction(kind)} on this order by {operatorName}, with your reason");
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
                var move = history.FromState == history.ToState ? history.ToState : $"{history.FromState ?? "—"} → {history.ToState ?? "—"}";
                changes.Add($"{history.Subject}: {history.Event} ({move})" + (history.Detail is null ? "" : $" {history.Detail}"));
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
