using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.ReserveStock;

internal sealed record ReserveStockCommand(Guid OrderId, IReadOnlyList<ReservationLine> Lines) : ICommand<MediatR.Unit>;
