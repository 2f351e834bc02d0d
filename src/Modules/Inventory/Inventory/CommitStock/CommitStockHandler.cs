using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.CommitStock;

// A shipment left: its reserved units leave on-hand stock, once per shipment (a repeat is a no-op). A commit that
// names no shipment takes every unit still reserved. The reservation is Committed once none is left (docs/adr/0019).
internal sealed class CommitStockHandler(
    InventoryDbContext db, HistoryLog<InventoryDbContext> history, TimeProvider time, TransactionLocks<InventoryDbContext> locks)
    : IRequestHandler<CommitStockCommand, Unit>, IRequestHandler<CommitShipmentStockCommand, Unit>
{
    public Task<Unit> Handle(CommitStockCommand command, CancellationToken cancellationToken) =>
        CommitAsync(new Commit(command.OrderId, null, null), cancellationToken);

    public Task<Unit> Handle(CommitShipmentStockCommand command, CancellationToken cancellationToken) =>
        CommitAsync(new Commit(command.OrderId, command.ShipmentId, command.Lines), cancellationToken);

    private async Task<Unit> CommitAsync(Commit command, CancellationToken cancellationToken)
    {
        // Two shipments of one order committed at once: one waits, then sees what the other took.
        await locks.LockAsync("reservation-of-order:" + command.OrderId.ToString("N"), cancellationToken);
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Reservation for order", command.OrderId.ToString());
        if (reservation.Status == ReservationStatus.Committed)
        {
            return Unit.Value;
        }

        // Local as well: a commit of this order earlier in the same delivery group is not saved yet.
        await db.Commits.Where(c => c.OrderId == command.OrderId).LoadAsync(cancellationToken);
        var commits = db.Commits.Local.Where(c => c.OrderId == command.OrderId).ToList();
        if (commits.Any(c => c.ShipmentId == command.ShipmentId))
        {
            return Unit.Value;
        }

        var left = reservation.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        foreach (var line in commits.SelectMany(c => c.Lines))
        {
            left[line.Sku] -= line.Quantity;
        }

        var lines = command.Lines ?? [.. left.Where(l => l.Value > 0).Select(l => new ReservationLine(l.Key, l.Value))];
        ReservationStateMachine.EnsurePermitted(reservation, ReservationTrigger.Commit); // refused unless Reserved

        foreach (var line in lines.GroupBy(l => l.Sku, StringComparer.Ordinal))
        {
            var units = line.Sum(l => l.Quantity);
            if (units <= 0 || left.GetValueOrDefault(line.Key) < units)
            {
                throw new ConflictException(
                    $"Shipment {command.ShipmentId} of order {command.OrderId} takes {units} x {line.Key}, but the order has "
                    + $"{left.GetValueOrDefault(line.Key)} reserved and not yet shipped; nothing was committed. Check the order's shipments.",
                    "commit-exceeds-reservation");
            }

            left[line.Key] -= units;
        }

        var now = time.GetUtcNow();
        db.Commits.Add(StockCommit.Of(command.OrderId, command.ShipmentId, lines, now));
        foreach (var line in lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
        {
            await db.ShipReservedAsync(line.Sku, line.Quantity, now, cancellationToken);
        }

        if (left.Values.All(units => units == 0))
        {
            reservation.Fire(ReservationTrigger.Commit, now, history);
        }
        else
        {
            history.Record(command.OrderId, "Reservation", reservation.Id, "StockPartlyCommitted", nameof(ReservationStatus.Reserved),
                nameof(ReservationStatus.Reserved), string.Join(", ", lines.Select(l => $"{l.Quantity} x {l.Sku}")) + $" for shipment {command.ShipmentId}");
        }

        return Unit.Value;
    }

    // ShipmentId and Lines null: every unit still reserved.
    private sealed record Commit(Guid OrderId, Guid? ShipmentId, IReadOnlyList<ReservationLine>? Lines);
}
