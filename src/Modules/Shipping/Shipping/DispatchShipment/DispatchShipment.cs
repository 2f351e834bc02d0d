using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.GetShipment;
using OrderManagement.Shipping.Persistence;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.DispatchShipment;

// The body as sent: nullable so that a missing field is a 400 (DispatchShipmentValidator), not a binder error.
internal sealed record DispatchShipmentRequest(string? Carrier, string? TrackingNumber)
{
    public DispatchShipmentCommand ToCommand(Guid shipmentId) => new(shipmentId, Validated.Value(Carrier), Validated.Value(TrackingNumber));
}

internal sealed record DispatchShipmentCommand(Guid ShipmentId, string Carrier, string TrackingNumber) : ICommand<ShipmentView>;

internal sealed class DispatchShipmentValidator : AbstractValidator<DispatchShipmentRequest>
{
    public DispatchShipmentValidator()
    {
        RuleFor(c => c.Carrier).NotEmpty().WithMessage("carrier is required.").MaximumLength(64)
            .Must(NoNul).WithMessage("carrier must not contain NUL characters.");
        RuleFor(c => c.TrackingNumber).NotEmpty().WithMessage("trackingNumber is required.").MaximumLength(128)
            .Must(NoNul).WithMessage("trackingNumber must not contain NUL characters.");
    }

    // PostgreSQL text cannot hold U+0000; without this rule such a value fails at save time as a 500.
    private static bool NoNul(string? text) => text is null || !text.Contains('\0', StringComparison.Ordinal);
}

internal sealed class DispatchShipmentHandler(
    ShippingDbContext db, OutboxPublisher<ShippingDbContext> outbox,
    HistoryLog<ShippingDbContext> history, TimeProvider time, TransactionLocks<ShippingDbContext> locks)
    : IRequestHandler<DispatchShipmentCommand, ShipmentView>
{
    public async Task<ShipmentView> Handle(DispatchShipmentCommand command, CancellationToken cancellationToken)
    {
        var orderId = await db.Shipments.Where(s => s.Id == command.ShipmentId).Select(s => (Guid?)s.OrderId).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Shipment", command.ShipmentId.ToString());
        // After a carve-out or cancellation of the order's shipments under way, so it reads the lines they left.
        await locks.LockAsync(ShipmentLocks.OfOrder(orderId), cancellationToken);
        var shipment = await db.Shipments.FirstAsync(s => s.Id == command.ShipmentId, cancellationToken);
        shipment.Dispatch(command.Carrier, command.TrackingNumber, time.GetUtcNow(), history);
        // A remainder nothing was carved out of or cancelled from holds every unit of the order: its dispatch names no
        // lines, as before partial shipments (docs/adr/0019, 0021).
        var whole = shipment.IsRemainder && shipment.LineCancellations.Count == 0 && !await db.Shipments.AnyAsync(s => s.OrderId == orderId && !s.IsRemainder, cancellationToken);
        outbox.Publish(new ShipmentDispatched(shipment.OrderId, shipment.Id, command.Carrier, command.TrackingNumber,
            whole ? null : [.. shipment.Lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))]));
        return ShipmentView.From(shipment);
    }
}
