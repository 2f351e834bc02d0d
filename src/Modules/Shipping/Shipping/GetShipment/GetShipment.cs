using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Shipping.Persistence;

namespace OrderManagement.Shipping.GetShipment;

internal sealed record GetShipmentQuery(Guid ShipmentId) : IQuery<ShipmentView>;

internal sealed class GetShipmentHandler(ShippingDbContext db) : IRequestHandler<GetShipmentQuery, ShipmentView>
{
    public async Task<ShipmentView> Handle(GetShipmentQuery query, CancellationToken cancellationToken)
    {
        var shipment = await db.Shipments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.ShipmentId, cancellationToken)
            ?? throw new NotFoundException("Shipment", query.ShipmentId.ToString());
        return ShipmentView.From(shipment);
    }
}
