using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Operations.Settings;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.AuthorizePayment;
using OrderManagement.Payments.CapturePayment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.GetPayment;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;
using OrderManagement.Payments.ReduceAuthorization;
using OrderManagement.Payments.Refunds;
using OrderManagement.Payments.Settlement;
using OrderManagement.Payments.VoidPayment;

namespace OrderManagement.Payments;

// The Payments module's only public door: authorize, capture, void and refund through the configured provider.
public static class PaymentsModule
{
    public const string Name = "Payments";

    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        // Authorization, capture and void call the provider outside any delivery (AuthorizationWorker, docs/adr/0013);
        // only a call the worker gave up on is made inside its delivery (retried, then dead-lettered).
        services.AddModule<PaymentsDbContext>(Name, PaymentsDbContext.SchemaName, MessageDelivery.OneByOne);
        services.AddValidatedOptions(PaymentProviderOptions.Section,
            ValidatedOptions.Positive<PaymentProviderOptions>(nameof(PaymentProviderOptions.CallTimeout), o => o.CallTimeout),
            ValidatedOptions.AtLeast<PaymentProviderOptions>(nameof(PaymentProviderOptions.MaxAuthorizationAttempts), o => o.MaxAuthorizationAttempts, 1),
            ValidatedOptions.Positive<PaymentProviderOptions>(nameof(PaymentProviderOptions.RetryBaseDelay), o => o.RetryBaseDelay),
            new(nameof(PaymentProviderOptions.RetryMaxDelay), o => o.RetryMaxDelay >= o.RetryBaseDelay, "must be at least RetryBaseDelay"),
            ValidatedOptions.AtLeast<PaymentProviderOptions>(nameof(PaymentProviderOptions.MaxConcurrentCalls), o => o.MaxConcurrentCalls, 1),
            new(nameof(PaymentProviderOptions.AttemptLease), o => o.AttemptLease > o.CallTimeout, "must be longer than CallTimeout"),
            ValidatedOptions.Positive<PaymentProviderOptions>(nameof(PaymentProviderOptions.AttemptPollInterval), o => o.AttemptPollInterval));
        services.AddEditableSetting(EditableSetting.Integer($"{PaymentProviderOptions.Section}:MaxAuthorizationAttempts",
            "Provider attempts to authorize a payment before it fails", 1, 50, new PaymentProviderOptions().MaxAuthorizationAttempts));
        services.TryAddSingleton<IPaymentProvider, SandboxPaymentProvider>();
        services.AddSingleton<ProviderCalls>();
        services.AddSingleton<ProviderMetrics>();
        services.AddScoped<AuthorizationAttempt>();
        services.AddScoped<AuthorizationOutcomes>();
        services.AddScoped<SettlementOutcomes>();
        services.AddSingleton<SettlementCall>();
        services.AddSingleton<AuthorizationSignal>();
        services.AddSingleton<AttemptClaims>();
        services.AddSingleton<AuthorizationCall>();
        services.AddHostedService<AuthorizationWorker>();
        services.AddSingleton<RefundSignal>();
        services.AddSingleton<RefundClaims>();
        services.AddSingleton<RefundCall>();
        services.AddHostedService<RefundWorker>();
        services.AddMessageTypes(PaymentMessageNames.All);
        services.AddMessageTypes(new Dictionary<Type, string> { [typeof(RetryAuthorization)] = "payments.retry-authorization.v1" });
        services.AddMessageHandler<Contracts.AuthorizePayment, AuthorizePaymentMessageHandler>(Name);
        services.AddMessageHandler<RetryAuthorization, RetryAuthorizationMessageHandler>(Name);
        services.AddMessageHandler<Contracts.CapturePayment, CapturePaymentMessageHandler>(Name);
        services.AddMessageHandler<Contracts.VoidPayment, VoidPaymentMessageHandler>(Name);
        services.AddMessageHandler<Contracts.RefundPayment, RefundPaymentMessageHandler>(Name);
        services.AddMessageHandler<Contracts.ReduceAuthorization, ReduceAuthorizationMessageHandler>(Name);
        services.AddScoped<IPaymentQueries, PaymentQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        GetPaymentEndpoint.Map(endpoints);
        return endpoints;
    }
}
