using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.ReserveStock;

// All or nothing: lines are taken in SKU order (so concurrent orders cannot deadlock) and a line that
// cannot be had puts back the ones already taken, all inside the inbox transaction.
internal sealed class ReserveStockHandler(
    InventoryDbContext db, OutboxPublisher<InventoryDbContext> outbox, HistoryLog<InventoryDbContext> history, TimeProvider time)
    : IRequestHandler<ReserveStockCommand, Unit>
{
    public async Task<Unit> Handle(ReserveStockCommand command, CancellationToken cancellationToken)
    {
        var existing = await CompiledQueries.ReservationOfOrder(db, command.OrderId, cancellationToken);
        if (existing is not null)
        {
            outbox.Publish(existing.Status == ReservationStatus.Released
                ? new StockReservationRejected(command.OrderId, "The order's reservation was already released.")
                : new StockReserved(command.OrderId, existing.Id));
            return Unit.Value;
        }

        var now = time.GetUtcNow();
        var lines = command.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal)
            .Select(g => new ReservationLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.Sku, StringComparer.Ordinal)
            .ToList();
        var taken = new List<ReservationLine>();
        foreach (var line in lines)
        {
            if (await db.TryReserveAsync(line.Sku, line.Quantity, now, cancellationToken) == 0)
            {
                foreach (var undo in taken)
                {
                    await db.UnreserveAsync(undo.Sku, undo.Quantity, now, cancellationToken);
                }

                var reason = await RejectionReasonAsync(line, cancellationToken);
                history.Record(command.OrderId, "Reservation", command.OrderId, "StockReservationRejected", null, null, reason);
                outbox.Publish(new StockReservationRejected(command.OrderId, reason));
                return Unit.Value;
            }

            taken.Add(line);
        }

        var reservation = StockReservation.Create(command.OrderId, lines, now);
        db.Reservations.Add(reservation);
        history.Record(command.OrderId, "Reservation", reservation.Id, "StockReserved", null, nameof(ReservationStatus.Reserved),
            string.Join(", ", lines.Select(l => $"{l.Quantity} x {l.Sku}")));
        outbox.Publish(new StockReserved(command.OrderId, reservation.Id));
        return Unit.Value;
    }

    private async Task<string> RejectionReasonAsync(ReservationLine line, CancellationToken cancellationToken)
    {
        var item = await db.StockItems.AsNoTracking().FirstOrDefaultAsync(s => s.Sku == line.Sku, cancellationToken);
        return item is null
            ? $"Unknown SKU '{line.Sku}'."
            : $"Not enough stock for '{line.Sku}': {line.Quantity} requested, {item.OnHand - item.Reserved} available.";
    }
}
