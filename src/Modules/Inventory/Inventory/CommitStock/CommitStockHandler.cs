using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.CommitStock;

// The shipment left: its reserved units leave on-hand stock. A repeat is a no-op.
internal sealed class CommitStockHandler(InventoryDbContext db) : IRequestHandler<CommitStockCommand, Unit>
{
    public async Task<Unit> Handle(CommitStockCommand command, CancellationToken cancellationToken)
    {
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Reservation for order", command.OrderId.ToString());
        if (reservation.Status == ReservationStatus.Committed)
        {
            return Unit.Value;
        }

        var now = db.Time.GetUtcNow();
        reservation.Fire(ReservationTrigger.Commit, now, db);
        foreach (var line in reservation.Lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
        {
            await db.ShipReservedAsync(line.Sku, line.Quantity, now, cancellationToken);
        }
        return Unit.Value;
    }
}
