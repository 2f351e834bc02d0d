using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Reservations;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.ReleaseStockLines;

internal sealed record ReleaseStockLinesCommand(Guid OrderId, Guid CancellationId, IReadOnlyList<ReservationLine> Lines) : ICommand<Unit>;

internal sealed class ReleaseStockLinesMessageHandler(IMediator mediator) : IMessageHandler<Contracts.ReleaseStockLines>
{
    public Task HandleAsync(Contracts.ReleaseStockLines message, CancellationToken cancellationToken) =>
        mediator.Send(new ReleaseStockLinesCommand(message.OrderId, message.CancellationId,
            [.. message.Lines.Select(l => new ReservationLine(l.Sku, l.Quantity))]), cancellationToken);
}

// Units of an order cancelled before they shipped go back to available stock, once per cancellation (docs/adr/0021).
// Under the same per-order lock as commits, so a parcel's commit and a release of the same order see each other. A
// reservation that is no longer Reserved was released or committed whole meanwhile: nothing is left to give back.
internal sealed class ReleaseStockLinesHandler(
    InventoryDbContext db, HistoryLog<InventoryDbContext> history, TimeProvider time, TransactionLocks<InventoryDbContext> locks)
    : IRequestHandler<ReleaseStockLinesCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseStockLinesCommand command, CancellationToken cancellationToken)
    {
        await locks.LockAsync("reservation-of-order:" + command.OrderId.ToString("N"), cancellationToken);
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Reservation for order", command.OrderId.ToString());
        if (reservation.Status != ReservationStatus.Reserved || reservation.LineReleases.Any(r => r.CancellationId == command.CancellationId))
        {
            return Unit.Value;
        }

        await db.Commits.Where(c => c.OrderId == command.OrderId).LoadAsync(cancellationToken);
        var commits = db.Commits.Local.Where(c => c.OrderId == command.OrderId).ToList();
        var left = reservation.Lines.GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(l => l.Quantity), StringComparer.Ordinal);
        foreach (var line in commits.SelectMany(c => c.Lines))
        {
            left[line.Sku] -= line.Quantity;
        }

        if (command.Lines.FirstOrDefault(l => l.Quantity <= 0 || left.GetValueOrDefault(l.Sku) < l.Quantity) is { } over)
        {
            throw new ConflictException(
                $"Line cancellation {command.CancellationId} of order {command.OrderId} gives back {over.Quantity} x {over.Sku}, but the order has "
                + $"{left.GetValueOrDefault(over.Sku)} reserved and not yet shipped; nothing was released. Check the order's shipments.",
                "release-exceeds-reservation");
        }

        var now = time.GetUtcNow();
        foreach (var line in command.Lines.OrderBy(l => l.Sku, StringComparer.Ordinal))
        {
            await db.UnreserveAsync(line.Sku, line.Quantity, now, cancellationToken);
            left[line.Sku] -= line.Quantity;
        }

        reservation.ReleaseLines(command.CancellationId, command.Lines, now);
        history.Record(command.OrderId, "Reservation", reservation.Id, "StockPartlyReleased", nameof(ReservationStatus.Reserved),
            nameof(ReservationStatus.Reserved), string.Join(", ", command.Lines.Select(l => $"{l.Quantity} x {l.Sku}")) + $" (line cancellation {command.CancellationId})");
        if (left.Values.All(units => units == 0))
        {
            // Every other unit has already left in its parcels: the reservation is done.
            reservation.Fire(commits.Count > 0 ? ReservationTrigger.Commit : ReservationTrigger.Release, now, history);
        }

        return Unit.Value;
    }
}
