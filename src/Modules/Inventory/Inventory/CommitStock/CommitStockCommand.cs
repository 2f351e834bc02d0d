using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.CommitStock;

// ShipmentId and Lines: one shipment's units (docs/adr/0019); both null: every unit still reserved.
internal sealed record CommitStockCommand(Guid OrderId, Guid? ShipmentId = null, IReadOnlyList<ReservationLine>? Lines = null) : ICommand<MediatR.Unit>;
