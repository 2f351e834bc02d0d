using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments;

internal sealed class PaymentQueries(PaymentsDbContext db, IOptionsMonitor<PaymentProviderOptions> options) : IPaymentQueries
{
    public async Task<IReadOnlyList<PaymentHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.History.AsNoTracking()
            .Where(h => h.OrderId == orderId)
            .OrderBy(h => h.Id)
            .Select(h => new PaymentHistoryEntry(h.TransactionId, h.OccurredAt, h.Event, h.FromState, h.ToState, h.Detail, h.TraceId))
            .ToListAsync(cancellationToken);

    public async Task<PaymentSnapshot?> GetPaymentAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Payments.AsNoTracking()
            .Where(p => p.OrderId == orderId)
            .OrderByDescending(p => p.CreatedAt)
            .Select(p => new PaymentSnapshot(p.Id, p.Status, p.Amount, p.Currency, p.Attempts, p.LastError, p.UpdatedAt, p.CapturedAmount,
                p.Status == PaymentStatus.Pending && !p.Faulted ? p.AttemptDueAt : null, options.CurrentValue.MaxAuthorizationAttempts))
            .FirstOrDefaultAsync(cancellationToken);
}
