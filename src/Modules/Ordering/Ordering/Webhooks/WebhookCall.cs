using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Observability;
using StandardWebhooks;

namespace OrderManagement.Ordering.Webhooks;

// One attempt of one delivery: signs the stored body as Standard Webhooks says (webhook-id stable across attempts,
// webhook-timestamp the time of this attempt, webhook-signature v1 HMAC-SHA256 by the StandardWebhooks library),
// POSTs it with no transaction open and records the answer under the claim's lease. The call continues the trace of
// the order change that caused the event and logs with its correlation id.
internal sealed partial class WebhookCall(
    IHttpClientFactory clients,
    DeliveryClaims claims,
    WebhookMetrics metrics,
    TimeProvider time,
    IDataProtectionProvider protection,
    IOptionsMonitor<WebhookOptions> options,
    ILogger<WebhookCall> logger)
{
    private static readonly ActivitySource Source = new(TelemetryNames.Prefix + ".Ordering.Webhooks");
    private readonly IDataProtector _secrets = WebhookSecrets.Protector(protection);

    public async Task RunAsync(ClaimedDelivery claim, CancellationToken stoppingToken)
    {
        CorrelationContext.Current = claim.CorrelationId ?? CorrelationContext.NewId();
        using var activity = StartActivity(claim);
        var settings = options.CurrentValue;
        var webhookId = WebhookEvent.WebhookId(claim.EventId);
        var started = Stopwatch.GetTimestamp();
        int? statusCode = null;
        string? error;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.CallTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, claim.Url) { Content = SignedContent(claim, webhookId) };
            using var response = await clients.CreateClient(WebhookHttp.ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statusCode = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"the receiver answered {statusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await claims.ReleaseAsync(claim, CancellationToken.None);
            return;
        }
        catch (OperationCanceledException)
        {
            error = $"no answer within {settings.CallTimeout.TotalSeconds} s (Ordering:Webhooks:CallTimeout)";
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            error = "the subscription's secret cannot be decrypted (the Data Protection key ring changed?); create the subscription again";
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (error is null)
        {
            await claims.DeliveredAsync(claim, statusCode!.Value, elapsed.TotalMilliseconds, CancellationToken.None);
            metrics.Record("delivered", elapsed);
            LogDelivered(claim.EventType, webhookId, claim.OrderId, claim.SubscriptionId, claim.Attempt, statusCode.Value, elapsed.TotalMilliseconds);
            return;
        }

        activity?.SetStatus(ActivityStatusCode.Error, error);
        var deadLetter = claim.Attempt >= settings.MaxAttempts;
        var retryAfter = deadLetter ? (TimeSpan?)null : Backoff(claim.Attempt, settings);
        await claims.FailedAsync(claim, statusCode, elapsed.TotalMilliseconds, error, retryAfter, CancellationToken.None);
        metrics.Record(deadLetter ? "dead_lettered" : "failed", elapsed);
        if (deadLetter)
        {
            LogDeadLettered(claim.EventType, webhookId, claim.OrderId, claim.SubscriptionId, claim.Attempt, error);
        }
        else
        {
            LogFailed(claim.EventType, webhookId, claim.OrderId, claim.SubscriptionId, claim.Attempt, error, retryAfter!.Value.TotalSeconds);
        }
    }

    private StringContent SignedContent(ClaimedDelivery claim, string webhookId)
    {
        var timestamp = time.GetUtcNow();
        var signature = new StandardWebhook(_secrets.Unprotect(claim.Secret)).Sign(webhookId, timestamp, claim.Payload);
        var content = new StringContent(claim.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        content.Headers.Add("webhook-id", webhookId);
        content.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        content.Headers.Add("webhook-signature", signature);
        return content;
    }

    // Exponential from RetryBaseDelay, capped at RetryMaxDelay, with 50-100 % jitter so a receiver that comes back is
    // not hit by every retry at once.
    internal static TimeSpan Backoff(int attempt, WebhookOptions settings)
    {
        var exponential = settings.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, settings.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private static Activity? StartActivity(ClaimedDelivery claim)
    {
        const string name = "send webhook";
        ActivityContext.TryParse(claim.TraceParent, null, out var parent);
        var activity = Source.StartActivity(name, ActivityKind.Producer, parent);
        if (activity is null)
        {
            return claim.TraceParent is null ? null : new Activity(name).SetParentId(claim.TraceParent).Start();
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag("oms.order.id", claim.OrderId.ToString());
            activity.SetTag("oms.webhook.subscription.id", claim.SubscriptionId.ToString());
            activity.SetTag("oms.webhook.event.type", claim.EventType);
            activity.SetTag("oms.webhook.attempt", claim.Attempt);
        }

        return activity;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Webhook {EventType} {WebhookId} of order {OrderId} delivered to subscription {SubscriptionId} (attempt {Attempt}, {StatusCode}, {DurationMs:0} ms)")]
    private partial void LogDelivered(string eventType, string webhookId, Guid orderId, Guid subscriptionId, int attempt, int statusCode, double durationMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Webhook {EventType} {WebhookId} of order {OrderId} to subscription {SubscriptionId} failed (attempt {Attempt}): {Error}; trying again in {RetrySeconds:0.0} s")]
    private partial void LogFailed(string eventType, string webhookId, Guid orderId, Guid subscriptionId, int attempt, string error, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Webhook {EventType} {WebhookId} of order {OrderId} to subscription {SubscriptionId} dead-lettered after {Attempt} attempts: {Error}; fix the receiver, then replay with POST /api/v1/webhooks/{SubscriptionId}/replay")]
    private partial void LogDeadLettered(string eventType, string webhookId, Guid orderId, Guid subscriptionId, int attempt, string error);
}
