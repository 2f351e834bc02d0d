using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.CommitStock;

// Every unit still reserved for the order (all of them for an order shipped in one parcel).
internal sealed record CommitStockCommand(Guid OrderId) : ICommand<MediatR.Unit>;

// One shipment's units (docs/adr/0019).
internal sealed record CommitShipmentStockCommand(Guid OrderId, Guid ShipmentId, IReadOnlyList<ReservationLine> Lines) : ICommand<MediatR.Unit>;
