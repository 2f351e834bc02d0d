using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.AuthorizePayment;

// One claimed attempt: the provider call with no transaction or connection open, then a short transaction that
// applies the answer if the claim is still the payment's. A void that came during the call wins; an approval that
// lands after it is voided at the provider (the claim is kept until then, so a crash before that void makes the
// same attempt again, which the provider answers with the same authorization, and voids it then).
internal sealed partial class AuthorizationCall(IServiceScopeFactory scopes, ProviderCalls provider, AttemptClaims claims, ILogger<AuthorizationCall> logger)
{
    public async Task RunAsync(ClaimedAttempt claim, CancellationToken stopping)
    {
        using var activity = AuthorizationTelemetry.StartCall(claim);
        var request = AuthorizationRequests.For(claim.PaymentId, claim.OrderId, claim.Amount, claim.Currency, claim.Token, claim.Attempt);
        AuthorizationResult? result = null;
        Exception? error = null;
        try
        {
            result = await provider.AuthorizeAsync(request, stopping);
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

        // Applied even while the host stops: the answer is in hand and the transaction is short.
        var lateAuthorization = await ApplyAsync(claim, result, error);
        if (lateAuthorization is not null)
        {
            await VoidLateAuthorizationAsync(claim, lateAuthorization, stopping);
        }
    }

    // Returns the authorization code to void when the payment was voided during the call and the provider approved.
    private async Task<string?> ApplyAsync(ClaimedAttempt claim, AuthorizationResult? result, Exception? error)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var outcomes = scope.ServiceProvider.GetRequiredService<AuthorizationOutcomes>();
        return await db.InTransactionAsync(async () =>
        {
            var payment = await db.LockPaymentAsync(claim.PaymentId, CancellationToken.None);
            if (payment is null || payment.LeaseId != claim.LeaseId)
            {
                LogClaimLost(claim.PaymentId, claim.Attempt);
                return null;
            }

            string? lateAuthorization = null;
            if (payment.Status == PaymentStatus.Pending)
            {
                if (result is not null)
                {
                    outcomes.Answered(payment, claim.Attempt, result);
                }
                else if (ProviderCalls.IsTransient(error!))
                {
                    outcomes.FailedTransiently(payment, claim.Attempt, error!);
                }
                else
                {
                    // No stack trace: the delivery that keeps failing logs it once, with its dead letter.
                    LogFaulted(claim.PaymentId, claim.OrderId, claim.Attempt, $"{error!.GetType().Name}: {error.Message}".TrimEnd('.', ' '));
                    outcomes.Faulted(payment, claim.Attempt, error!);
                }
            }
            else if (result is { Approved: true })
            {
                lateAuthorization = result.AuthorizationCode ?? "";
            }
            else
            {
                payment.SettleAttempt();
            }

            await db.SaveChangesAsync(CancellationToken.None);
            return lateAuthorization;
        }, CancellationToken.None);
    }

    private async Task VoidLateAuthorizationAsync(ClaimedAttempt claim, string authorizationCode, CancellationToken stopping)
    {
        try
        {
            await provider.VoidAsync(authorizationCode, stopping);
        }
        catch (Exception ex)
        {
            LogLateVoidFailed(ex, claim.PaymentId, claim.OrderId, authorizationCode);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaymentsDbContext>();
        var history = scope.ServiceProvider.GetRequiredService<HistoryLog<PaymentsDbContext>>();
        await db.InTransactionAsync(async () =>
        {
            var payment = await db.LockPaymentAsync(claim.PaymentId, CancellationToken.None);
            if (payment is not null && payment.LeaseId == claim.LeaseId)
            {
                payment.SettleAttempt();
                history.Record(payment.OrderId, "Payment", payment.Id, "LateAuthorizationVoided", payment.Status.ToString(), payment.Status.ToString(),
                    $"attempt {claim.Attempt} was approved after the void; authorization {authorizationCode} voided at the provider");
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return true;
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId}: the answer to attempt {Attempt} is dropped, another claim on the payment replaced this one (its lease ran out)")]
    private partial void LogClaimLost(Guid paymentId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} of order {OrderId}: the provider failed unexpectedly on attempt {Attempt} ({Cause}); the AuthorizePayment message is sent again and, if the provider keeps failing, dead-lettered: replay it once the provider is back")]
    private partial void LogFaulted(Guid paymentId, Guid orderId, int attempt, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment {PaymentId} of order {OrderId} was voided during its authorization call, which the provider approved ({AuthorizationCode}); voiding it at the provider failed and is tried again when the attempt's lease runs out")]
    private partial void LogLateVoidFailed(Exception exception, Guid paymentId, Guid orderId, string authorizationCode);
}
