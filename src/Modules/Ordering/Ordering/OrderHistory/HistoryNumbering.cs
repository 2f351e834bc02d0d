using Microsoft.EntityFrameworkCore;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.OrderHistory;

internal sealed record HistoryEntry(DateTimeOffset OccurredAt, string Module, string Event, string? FromState, string? ToState, string? Detail);

// Gives an order's history entries their sequence numbers for good. Entries already shown keep the number they
// were shown with; entries seen for the first time follow them in time order, and their numbers are stored.
// Entries are matched by module, event and timestamp; history is append-only, so a shown entry never disappears.
internal static class HistoryNumbering
{
    public static async Task<IReadOnlyList<HistoryEntryView>> NumberAsync(
        OrderingDbContext db, Guid orderId, IReadOnlyList<HistoryEntry> inTimeOrder, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One reader numbers an order's new entries at a time.
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 0))",
            ["order-history:" + orderId.ToString("N")], cancellationToken);
        var shown = await db.HistoryNumbers.AsNoTracking().Where(n => n.OrderId == orderId).OrderBy(n => n.Sequence).ToListAsync(cancellationToken);

        var unnumbered = inTimeOrder.ToList();
        var numbered = new List<HistoryEntryView>(inTimeOrder.Count);
        foreach (var number in shown)
        {
            var index = unnumbered.FindIndex(e => e.Module == number.Module && e.Event == number.Event && e.OccurredAt == number.OccurredAt);
            if (index < 0)
            {
                throw new InvalidOperationException(
                    $"History entry {number.Sequence} of order {orderId} ({number.Module} {number.Event}) is gone; history must be append-only.");
            }

            numbered.Add(View(number.Sequence, unnumbered[index]));
            unnumbered.RemoveAt(index);
        }

        var added = unnumbered.Select((e, i) => View(shown.Count + i + 1, e)).ToList();
        db.HistoryNumbers.AddRange(added.Select(e => new HistoryNumber
        {
            OrderId = orderId, Sequence = e.Sequence, Module = e.Module, Event = e.Event, OccurredAt = e.OccurredAt,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [.. numbered, .. added];
    }

    private static HistoryEntryView View(int sequence, HistoryEntry e) =>
        new(sequence, e.OccurredAt, e.Module, e.Event, e.FromState, e.ToState, e.Detail);
}
