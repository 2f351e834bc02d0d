using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Payments;

namespace OrderManagement.Payments.Persistence;

// Row locks (PostgreSQL's FOR UPDATE, held until the message's transaction ends) that order an authorization attempt
// and a void of the same payment: the void waits for an attempt in flight, and an attempt that comes after a void
// sees it and does not call the provider. xmin is a system column, so it is selected by name. Both keys are unique
// (Single says so to EF, which cannot see the filter inside raw SQL).
internal static class PaymentLocks
{
    public static Task<Payment?> LockPaymentAsync(this PaymentsDbContext db, Guid paymentId, CancellationToken cancellationToken) =>
        db.Payments.FromSqlInterpolated($"SELECT p.*, p.xmin FROM payments.payments p WHERE p.id = {paymentId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    public static Task<Payment?> LockPaymentOfOrderAsync(this PaymentsDbContext db, Guid orderId, CancellationToken cancellationToken) =>
        db.Payments.FromSqlInterpolated($"SELECT p.*, p.xmin FROM payments.payments p WHERE p.order_id = {orderId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);

    // An authorization and a void may each create the order's one payment: whichever comes second waits for the
    // first to end and then finds its payment, so the provider is never asked twice and no authorization is lost.
    public static Task LockPaymentCreationAsync(this TransactionLocks<PaymentsDbContext> locks, Guid orderId, CancellationToken cancellationToken) =>
        locks.LockAsync("payment-of-order:" + orderId.ToString("N"), cancellationToken);
}
