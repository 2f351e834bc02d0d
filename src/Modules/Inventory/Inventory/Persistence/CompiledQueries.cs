using Microsoft.EntityFrameworkCore;
using OrderManagement.Inventory.Reservations;

namespace OrderManagement.Inventory.Persistence;

// The lookup every order goes through, compiled once: EF skips translating and looking up the expression on each call.
internal static class CompiledQueries
{
    public static readonly Func<InventoryDbContext, Guid, CancellationToken, Task<StockReservation?>> ReservationOfOrder =
        EF.CompileAsyncQuery((InventoryDbContext db, Guid orderId, CancellationToken ct) => db.Reservations.FirstOrDefault(r => r.OrderId == orderId));
}
