using System.Diagnostics.CodeAnalysis;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.CancelShipmentLines;

internal sealed record CancelShipmentLinesCommand(Guid OrderId, Guid CancellationId, IReadOnlyList<ShipmentLineItem> Lines) : ICommand<Unit>;

internal sealed class CancelShipmentLinesMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CancelShipmentLines>
{
    public Task HandleAsync(Contracts.CancelShipmentLines message, CancellationToken cancellationToken) =>
        mediator.Send(new CancelShipmentLinesCommand(message.OrderId, message.CancellationId,
            [.. message.Lines.Select(l => new ShipmentLineItem(l.Sku, l.Quantity))]), cancellationToken);
}

// Shipping decides a line cancellation racing a dispatch or a carve-out of the same units (docs/adr/0021): under the
// order's shipment lock, whichever comes first wins and the other sees what it left. Units still in the ReadyToShip
// remainder come off; units that left, or were carved into a shipment of their own, cannot: the whole cancellation is
// refused and nothing changes.
internal sealed class CancelShipmentLinesHandler(
    ShippingDbContext db, OutboxPublisher<ShippingDbContext> outbox,
    HistoryLog<ShippingDbContext> history, TimeProvider time, TransactionLocks<ShippingDbContext> locks)
    : IRequestHandler<CancelShipmentLinesCommand, Unit>
{
    public async Task<Unit> Handle(CancelShipmentLinesCommand command, CancellationToken cancellationToken)
    {
        await locks.LockAsync(ShipmentLocks.OfOrder(command.OrderId), cancellationToken);
        var remainder = await db.Shipments.FirstOrDefaultAsync(s => s.OrderId == command.OrderId && s.IsRemainder, cancellationToken);
        if (remainder is not null && remainder.LineCancellations.Any(c => c.CancellationId == command.CancellationId))
        {
            return Unit.Value;
        }

        if (!Permits(remainder, command, out var reason))
        {
            history.Record(command.OrderId, "Shipment", remainder?.Id ?? command.OrderId, "LineCancellationRefused",
                remainder?.Status.ToString(), remainder?.Status.ToString(), reason);
            outbox.Publish(new ShipmentLinesCancellationRefused(command.OrderId, command.CancellationId, reason));
            return Unit.Value;
        }

        remainder.CancelLines(command.CancellationId, command.Lines, time.GetUtcNow(), history);
        outbox.Publish(new ShipmentLinesCancelled(command.OrderId, command.CancellationId, remainder.Id,
            [.. command.Lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))], remainder.Status == ShipmentStatus.Cancelled));
        return Unit.Value;
    }

    private static bool Permits([NotNullWhen(true)] Shipment? remainder, CancelShipmentLinesCommand command, [NotNullWhen(false)] out string? refusal)
    {
        refusal = Refusal(remainder, command);
        return refusal is null;
    }

    private static string? Refusal(Shipment? remainder, CancelShipmentLinesCommand command)
    {
        if (remainder is not { Status: ShipmentStatus.ReadyToShip })
        {
            return $"Order {command.OrderId} has no units waiting to be shipped: its shipment is {remainder?.Status.ToString() ?? "not created"}.";
        }

        return command.Lines.FirstOrDefault(l => l.Quantity > remainder.Units(l.Sku)) is { } over
            ? $"Only {remainder.Units(over.Sku)} x {over.Sku} of order {command.OrderId} are still waiting to be shipped; {over.Quantity} were to be "
              + "cancelled (the others left or are in a shipment of their own). Nothing was cancelled."
            : null;
    }
}
