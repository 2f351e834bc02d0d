using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Refunds;

// One claimed refund: the provider call with no transaction open, keyed by the refund's id so a repeat after a lost
// lease refunds nothing twice; then a short transaction under the payment's row lock that applies the outcome if the
// claim is still the refund's. A failure of any kind is tried again after a backoff: a decided refund has no other
// outcome, and the attempts and last error show in the order's history.
internal sealed partial class RefundCall(IServiceScopeFactory scopes, ProviderCalls provider, RefundClaims claims,
    TimeProvider time, IOptionsMonitor<PaymentProviderOptions> options, ILogger<RefundCall> logger)
{
    private static readonly ActivitySource Source = new(OrderManagement.BuildingBlocks.Observability.TelemetryNames.Prefix + ".Payments");

    public async Task RunAsync(ClaimedRefund claim, CancellationToken stopping)
    {
        CorrelationContext.Current = claim.CorrelationId ?? CorrelationContext.NewId();
        ActivityContext.TryParse(claim.TraceParent, null, out var parent);
        using var activity = Source.StartActivity("refund payment", ActivityKind.Client, parent);
        Exception? error = null;
        try
        {
            await provider.RefundAsync(claim.AuthorizationCode ?? "", claim.Amount, "refund-" + claim.RefundId.ToString("N"), stopping);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            await claims.ReleaseAsync(claim, CancellationToken.None);
            return;
        }
        catch (Exception ex)
        {
            error = ex;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<OutboxPublisher<PaymentsDbContext>>();
        var history = scope.ServiceProvider.GetRequiredService<HistoryLog<PaymentsDbContext>>();
        await db.InTransactionAsync(async () =>
        {
            var payment = await db.LockPaymentAsync(claim.PaymentId, CancellationToken.None);
            var refund = await db.Refunds.FirstOrDefaultAsync(r => r.Id == claim.RefundId, CancellationToken.None);
            if (payment is null || refund is null || refund.LeaseId != claim.LeaseId || refund.Status != RefundStatus.Requested)
            {
                LogClaimLost(claim.RefundId, claim.Attempt);
                return false;
            }

            var now = time.GetUtcNow();
            if (error is null)
            {
                refund.Succeeded(now);
                payment.RecordRefund(refund.Amount, RefundRules.Captured(payment), now, history, $"{refund.Amount} {payment.Currency} for return {refund.Id}");
                outbox.Publish(new PaymentRefunded(payment.OrderId, payment.Id, refund.Id, refund.Amount, payment.RefundedAmount, payment.Status));
            }
            else
            {
                LogRefundFailed(error, claim.RefundId, claim.OrderId, claim.Attempt);
                var message = $"Refund attempt {claim.Attempt}: {error.Message}";
                refund.Failed(message, now, now + RetryBackoff.Delay(claim.Attempt, options.CurrentValue.RetryBaseDelay, options.CurrentValue.RetryMaxDelay));
                var status = payment.Status.ToString();
                history.Record(payment.OrderId, "Payment", payment.Id, "RefundAttemptFailed", status, status, message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund {RefundId}: the outcome of attempt {Attempt} is dropped, another claim replaced this one (its lease ran out)")]
    private partial void LogClaimLost(Guid refundId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund {RefundId} of order {OrderId} failed at the provider on attempt {Attempt}; it is tried again after a backoff (see the order's history for the attempts)")]
    private partial void LogRefundFailed(Exception exception, Guid refundId, Guid orderId, int attempt);
}
