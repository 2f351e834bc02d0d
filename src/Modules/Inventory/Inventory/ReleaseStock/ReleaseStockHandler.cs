using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.ReleaseStock;

// Answers StockReleased even when nothing is held, so a compensating saga always gets its reply.
internal sealed class ReleaseStockHandler(InventoryDbContext db) : IRequestHandler<ReleaseStockCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseStockCommand command, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == command.OrderId, cancellationToken);
        if (reservation is { Status: ReservationStatus.Reserved })
        {
            var now = db.Time.GetUtcNow();
            foreach (var line in reservation.Lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
            {
                await db.UnreserveAsync(line.Sku, line.Quantity, now, cancellationToken);
            }

            reservation.Fire(ReservationTrigger.Release, now, db);
        }

        else if (reservation is null)
        {
            var tombstone = StockReservation.ReleasedBeforeReservation(command.OrderId, db.Time.GetUtcNow());
            db.Reservations.Add(tombstone);
            db.RecordHistory(command.OrderId, "Reservation", tombstone.Id, "StockReleased", null, nameof(ReservationStatus.Released),
                "released before any reservation");
        }

        db.Publish(new StockReleased(command.OrderId));
        return Unit.Value;
    }
}
