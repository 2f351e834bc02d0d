using Microsoft.EntityFrameworkCore;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Persistence;

// The lookups every order goes through, compiled once: EF skips translating and looking up the expression on each call.
internal static class CompiledQueries
{
    public static readonly Func<OrderingDbContext, Guid, CancellationToken, Task<Order?>> OrderById =
        EF.CompileAsyncQuery((OrderingDbContext db, Guid id, CancellationToken ct) => db.Orders.FirstOrDefault(o => o.Id == id));

    public static readonly Func<OrderingDbContext, Guid, CancellationToken, Task<FulfilmentSaga?>> SagaOfOrder =
        EF.CompileAsyncQuery((OrderingDbContext db, Guid orderId, CancellationToken ct) => db.Sagas.FirstOrDefault(s => s.OrderId == orderId));
}
