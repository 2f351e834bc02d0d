using OrderManagement.BuildingBlocks.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Operations.Settings;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Webhooks;

// Webhooks are part of Ordering (it owns the order's story for the storefront); OrderingModule registers them.
internal static class WebhooksRegistration
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, string module)
    {
        services.AddValidatedOptions(WebhookOptions.Section,
                ValidatedOptions.AtLeast<WebhookOptions>(nameof(WebhookOptions.MaxAttempts), o => o.MaxAttempts, 1),
                ValidatedOptions.Positive<WebhookOptions>(nameof(WebhookOptions.RetryBaseDelay), o => o.RetryBaseDelay),
                new(nameof(WebhookOptions.RetryMaxDelay), o => o.RetryMaxDelay >= o.RetryBaseDelay, "must be at least RetryBaseDelay"),
                ValidatedOptions.Positive<WebhookOptions>(nameof(WebhookOptions.CallTimeout), o => o.CallTimeout),
                new(nameof(WebhookOptions.Lease), o => o.Lease > o.CallTimeout, "must be longer than CallTimeout"),
                ValidatedOptions.AtLeast<WebhookOptions>(nameof(WebhookOptions.MaxConcurrentCalls), o => o.MaxConcurrentCalls, 1),
                ValidatedOptions.Positive<WebhookOptions>(nameof(WebhookOptions.PollInterval), o => o.PollInterval),
                ValidatedOptions.AtLeast<WebhookOptions>(nameof(WebhookOptions.MaxSubscriptionsPerKey), o => o.MaxSubscriptionsPerKey, 1),
                ValidatedOptions.Positive<WebhookOptions>(nameof(WebhookOptions.InterestRefresh), o => o.InterestRefresh))
            .PostConfigure<IHostEnvironment>((o, environment) => o.AllowPrivateDestinations |= environment.IsDevelopment());
        services.AddEditableSetting(EditableSetting.Integer($"{WebhookOptions.Section}:MaxAttempts",
            "Attempts to send one order event to one webhook subscription before it is dead-lettered", 1, 100, new WebhookOptions().MaxAttempts));
        services.AddWebhookHttpClient();
        services.AddSingleton<WebhookSignal>();
        services.AddMetricsSingleton<WebhookMetrics>();
        services.AddSingleton<DeliveryClaims>();
        services.AddSingleton<WebhookCall>();
        services.AddHostedService<WebhookSender>();
        services.AddSingleton<WebhookInterest>();
        services.AddHostedService<WebhookInterestReader>();
        services.AddScoped<WebhookSubscriptions>();
        services.AddDbContextInterceptor<OrderingDbContext, WebhookEventInterceptor>();
        services.AddMessageTypes(new Dictionary<Type, string> { [typeof(WebhookEventRecorded)] = "ordering.webhook-event-recorded.v1" });
        services.AddMessageHandler<WebhookEventRecorded, WebhookFanOut>(module);
        return services;
    }
}
