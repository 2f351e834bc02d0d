using Microsoft.EntityFrameworkCore;
using OrderManagement.Payments.Payments;

namespace OrderManagement.Payments.Persistence;

// The lookup every order goes through, compiled once: EF skips translating and looking up the expression on each call.
internal static class CompiledQueries
{
    public static readonly Func<PaymentsDbContext, Guid, CancellationToken, Task<Payment?>> PaymentOfOrder =
        EF.CompileAsyncQuery((PaymentsDbContext db, Guid orderId, CancellationToken ct) => db.Payments.FirstOrDefault(p => p.OrderId == orderId));
}
