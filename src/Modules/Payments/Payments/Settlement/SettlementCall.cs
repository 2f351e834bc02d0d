using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.AuthorizePayment;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.Settlement;

// One claimed capture or void: the provider call with no transaction or connection open, then a short transaction
// that applies the outcome if the claim is still the payment's (a claim whose lease ran out was made again by another
// host; the provider's capture and void of one authorization are idempotent, so a repeat is harmless).
internal sealed partial class SettlementCall(IServiceScopeFactory scopes, ProviderCalls provider, AttemptClaims claims, TimeProvider time, ILogger<SettlementCall> logger)
{
    public async Task RunAsync(ClaimedAttempt claim, CancellationToken stopping)
    {
        var call = claim.Call!.Value;
        using var activity = AuthorizationTelemetry.StartCall(claim, call == PaymentCall.Capture ? "capture payment" : "void payment");
        Exception? error = null;
        var made = new List<Guid>();
        try
        {
            if (call == PaymentCall.Capture)
            {
                // Each due capture is its own provider call, so one that fails leaves the ones made before it made.
                foreach (var (captureId, amount) in await DueCapturesAsync(claim, stopping))
                {
                    await MakeAsync(provider, call, claim.AuthorizationCode!, amount, stopping);
                    made.Add(captureId);
                }
            }
            else
            {
                await MakeAsync(provider, call, claim.AuthorizationCode!, claim.Amount, stopping);
            }
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

        // Applied even while the host stops: the outcome is in hand and the transaction is short.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var outcomes = scope.ServiceProvider.GetRequiredService<SettlementOutcomes>();
        await db.InTransactionAsync(async () =>
        {
            var payment = await db.LockPaymentAsync(claim.PaymentId, CancellationToken.None);
            if (payment is null || payment.LeaseId != claim.LeaseId || payment.Call != call)
            {
                LogClaimLost(claim.PaymentId, call, claim.Attempt);
                return false;
            }

            List<PaymentCapture>? captures = null;
            if (call == PaymentCall.Capture)
            {
                captures = await db.Captures.Where(c => c.PaymentId == payment.Id).ToListAsync(CancellationToken.None);
                if (made.Contains(Guid.Empty))
                {
                    var whole = PaymentCapture.Request(payment.Id, null, payment.Amount - payment.CapturedAmount, time.GetUtcNow());
                    db.Captures.Add(whole);
                    captures.Add(whole);
                    made[made.IndexOf(Guid.Empty)] = whole.Id;
                }

                outcomes.Captured(payment, [.. captures.Where(c => made.Contains(c.Id) && c.Status == CaptureStatus.Due)]);
            }

            if (error is null)
            {
                outcomes.Succeeded(payment, call, captures);
            }
            else
            {
                LogCallFailed(error, call, claim.PaymentId, claim.OrderId, claim.Attempt);
                outcomes.Failed(payment, call, claim.Attempt, error, captures);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    // The captures due, by id and amount. A capture asked for by a host of the version before captures were recorded
    // one by one has no row: it is the whole amount, under Guid.Empty until its outcome records it.
    private async Task<IReadOnlyList<(Guid Id, decimal Amount)>> DueCapturesAsync(ClaimedAttempt claim, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var due = await db.Captures.AsNoTracking()
            .Where(c => c.PaymentId == claim.PaymentId && c.Status == CaptureStatus.Due)
            .OrderBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Amount })
            .ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            return [.. due.Select(c => (c.Id, c.Amount))];
        }

        var anyCapture = await db.Captures.AsNoTracking().AnyAsync(c => c.PaymentId == claim.PaymentId, cancellationToken);
        return anyCapture ? [] : [(Guid.Empty, claim.Amount)];
    }

    public static async Task MakeAsync(ProviderCalls provider, PaymentCall call, string authorizationCode, decimal amount, CancellationToken cancellationToken)
    {
        if (call == PaymentCall.Capture)
        {
            await provider.CaptureAsync(authorizationCode, amount, cancellationToken);
        }
        else
        {
            await provider.VoidAsync(authorizationCode, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId}: the outcome of {Call} attempt {Attempt} is dropped, another claim on the payment replaced this one (its lease ran out)")]
    private partial void LogClaimLost(Guid paymentId, PaymentCall call, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Call} of payment {PaymentId} (order {OrderId}) failed at the provider on attempt {Attempt}; after a timeout or unavailability it is tried again after a backoff, after an unexpected error its message is delivered again and, if the provider keeps failing, dead-lettered: replay it once the provider is back")]
    private partial void LogCallFailed(Exception exception, PaymentCall call, Guid paymentId, Guid orderId, int attempt);
}
