using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.ReleaseStock;

// Answers StockReleased even when nothing is held, so a compensating saga always gets its reply.
internal sealed class ReleaseStockHandler(
    InventoryDbContext db, OutboxPublisher<InventoryDbContext> outbox, HistoryLog<InventoryDbContext> history, TimeProvider time)
    : IRequestHandler<ReleaseStockCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseStockCommand command, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == command.OrderId, cancellationToken);
        if (reservation is { Status: ReservationStatus.Reserved })
        {
            var now = time.GetUtcNow();
            foreach (var line in reservation.Lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
            {
                await db.UnreserveAsync(line.Sku, line.Quantity, now, cancellationToken);
            }

            reservation.Fire(ReservationTrigger.Release, now, history);
        }

        else if (reservation is null)
        {
            var tombstone = StockReservation.ReleasedBeforeReservation(command.OrderId, time.GetUtcNow());
            db.Reservations.Add(tombstone);
            history.Record(command.OrderId, "Reservation", tombstone.Id, "StockReleased", null, nameof(ReservationStatus.Released),
                "released before any reservation");
        }

        outbox.Publish(new StockReleased(command.OrderId));
        return Unit.Value;
    }
}
