using Microsoft.EntityFrameworkCore;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.Persistence;

// The lookup every order goes through (its remainder: the saga's shipment), compiled once: EF skips translating and looking up the expression on each call.
internal static class CompiledQueries
{
    public static readonly Func<ShippingDbContext, Guid, CancellationToken, Task<Shipment?>> ShipmentOfOrder =
        EF.CompileAsyncQuery((ShippingDbContext db, Guid orderId, CancellationToken ct) => db.Shipments.AsNoTracking().FirstOrDefault(s => s.OrderId == orderId && s.IsRemainder));
}
