using OrderManagement.BuildingBlocks.Observability;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Operations.Settings;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.CancelLines;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.GetOrder;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Idempotency;
using OrderManagement.Ordering.Metrics;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Operations.Repairs;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Returns;
using OrderManagement.Ordering.Review;
using OrderManagement.Ordering.Webhooks;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering;

// The Ordering module's only public door: orders, their fulfilment saga, the operators' view of it, and the webhooks
// that push an order's events to the storefront.
public static class OrderingModule
{
    public const string Name = "Ordering";

    public static IServiceCollection AddOrderingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModule<OrderingDbContext>(Name, OrderingDbContext.SchemaName);
        services.AddValidatedOptions(FulfilmentOptions.Section,
            ValidatedOptions.Positive<FulfilmentOptions>(nameof(FulfilmentOptions.StepDeadline), o => o.StepDeadline),
            ValidatedOptions.Positive<FulfilmentOptions>(nameof(FulfilmentOptions.PaymentStepDeadline), o => o.PaymentStepDeadline),
            ValidatedOptions.Positive<FulfilmentOptions>(nameof(FulfilmentOptions.ReviewDeadline), o => o.ReviewDeadline),
            ValidatedOptions.AtLeast<FulfilmentOptions>(nameof(FulfilmentOptions.MaxStepAttempts), o => o.MaxStepAttempts, 1));
        services.AddScoped<OrderFulfilment>();
        services.AddScoped<StepRecords>();
        services.AddMessageGroupLocks<SagaRowLocks>(Name);
        services.AddMetricsSingleton<OrderingMetrics>();
        services.AddValidatedOptions(IdempotencyOptions.Section,
            ValidatedOptions.Positive<IdempotencyOptions>(nameof(IdempotencyOptions.KeyLifetime), o => o.KeyLifetime));
        services.AddScoped<IdempotentRequests>();
        services.AddScoped<IdempotencyKeyLock>();
        services.AddHostedService<ExpiredKeyPurger>();
        services.AddSingleton<IDeadLetterListener, SagaDeadLetterListener>();
        services.AddValidatedOptions(StallOptions.Section, StallOptions.Steps
            .Select(step => ValidatedOptions.Positive<StallOptions>(step.ToString(), o => o.NormalWaitFor(step))).ToArray());
        services.AddScoped<IOrderOperationsQueries, OrderOperationsQueries>();
        services.AddScoped<IOrderStatusQueries, OrderStatusQueries>();
        services.AddScoped<RepairPreviewer>();
        services.AddScoped<DeadLetterReplays>();
        services.AddScoped<DeadLetterOwnership>();
        services.AddSingleton<IMootDeadLetters, MootDeadLetters>();
        services.AddScoped<StallOutlooks>();
        var fulfilment = new FulfilmentOptions();
        var stalls = new StallOptions();
        services.AddEditableSetting(EditableSetting.Integer($"{FulfilmentOptions.Section}:MaxStepAttempts",
            "Sends of a saga step before the saga fails and waits for an operator", 1, 20, fulfilment.MaxStepAttempts));
        services.AddEditableSetting(EditableSetting.Duration($"{FulfilmentOptions.Section}:StepDeadline",
            "How long a saga step waits for its answer before sending again", TimeSpan.FromSeconds(1), TimeSpan.FromHours(1), fulfilment.StepDeadline));
        services.AddEditableSetting(EditableSetting.Duration($"{FulfilmentOptions.Section}:PaymentStepDeadline",
            "The same for the payment step, which must outlast the provider retries", TimeSpan.FromSeconds(1), TimeSpan.FromHours(2),
            fulfilment.PaymentStepDeadline));
        foreach (var step in StallOptions.Steps)
        {
            services.AddEditableSetting(EditableSetting.Duration($"{StallOptions.Section}:{step}",
                $"Longest normal wait for the reply to {step}; beyond it the order is listed as stalled", TimeSpan.FromSeconds(1), TimeSpan.FromDays(1),
                stalls.NormalWaitFor(step)));
        }

        services.AddReview(Name);
        services.AddScoped<IOrderRepairs, OrderRepairs>();
        services.AddMessageTypes(InventoryMessageNames.All);
        services.AddMessageTypes(PaymentMessageNames.All);
        services.AddMessageTypes(ShippingMessageNames.All);
        services.AddMessageTypes(new Dictionary<Type, string> { [typeof(FulfilmentDeadline)] = "ordering.fulfilment-deadline.v1" });
        services.AddMessageHandler<StockReserved, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<StockReservationRejected, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<StockReleased, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<PaymentAuthorized, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<PaymentDeclined, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<PaymentFailed, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<PaymentAttemptFailed, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<PaymentVoided, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<PaymentCaptured, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentCreated, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentCancelled, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentCancellationRefused, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentDispatched, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentDelivered, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentSplit, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<FulfilmentDeadline, FulfilmentMessageHandlers>(Name);
        services.AddMessageHandler<ShipmentLinesCancelled, LineCancellationOutcomes>(Name);
        services.AddMessageHandler<ShipmentLinesCancellationRefused, LineCancellationOutcomes>(Name);
        services.AddMessageHandler<PaymentRefunded, RefundOutcomeMessageHandlers>(Name);
        services.AddMessageHandler<RefundRefused, RefundOutcomeMessageHandlers>(Name);
        services.AddWebhooks(Name);
        return services;
    }

    public static IEndpointRouteBuilder MapOrderingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        OrderEndpoints.Map(endpoints);
        OperationsEndpoints.Map(endpoints);
        ReviewEndpoints.Map(endpoints);
        WebhookEndpoints.Map(endpoints);
        ReturnEndpoints.Map(endpoints);
        CancelLinesEndpoint.Map(endpoints);
        return endpoints;
    }
}
