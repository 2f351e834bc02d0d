using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// Configuration is checked when the host starts, not when a request first needs it: a bad value stops the start
// with a message naming its key, instead of a host that reports healthy and answers 500 to everything.
[Collection(ApiCollection.Name)]
public sealed class StartupValidationTests(ApiFactory api)
{
    public static readonly TheoryData<string, string, string, string, string> BadSettings = new()
    {
        // options class, environment, key, bad value, text the start-up error must contain
        { "ApiKeyOptions", "Production", "Auth:ApiKeys:2:Key", "plain-secret", "Auth:ApiKeys:2" },
        { "ApiKeyOptions", "Development", "Auth:ApiKeys:0:Role", "admin", "Auth:ApiKeys:0:Role" },
        { "ApiKeyOptions", "Development", "Auth:ApiKeys:0:KeyHash", "sha256:abc", "Auth:ApiKeys:0:KeyHash" },
        { "MessagingOptions", "Development", "Messaging:MaxAttempts", "0", "Messaging:MaxAttempts" },
        { "ReviewOptions", "Development", "Review:Countries", "gb,Germany", "Review:Countries" },
        { "MessagingOptions", "Development", "Messaging:MaxAttempts", "ten", "Messaging:MaxAttempts" },
        { "MessagingOptions", "Development", "Messaging:DeliveryConcurrency", "0", "Messaging:DeliveryConcurrency" },
        { "MessagingOptions", "Development", "Messaging:ConsumerConcurrency:Payments", "0", "Messaging:ConsumerConcurrency" },
        { "MessagingOptions", "Development", "Messaging:LockTimeout", "00:00:00", "Messaging:LockTimeout" },
        { "MessagingOptions", "Development", "Messaging:PollInterval", "00:00:00", "Messaging:PollInterval" },
        { "MessagingOptions", "Development", "Messaging:BaseRetryDelay", "01:00:00", "Messaging:BaseRetryDelay" },
        { "PaymentProviderOptions", "Development", "Payments:CallTimeout", "-00:00:01", "Payments:CallTimeout" },
        { "PaymentProviderOptions", "Development", "Payments:MaxAuthorizationAttempts", "0", "Payments:MaxAuthorizationAttempts" },
        { "FulfilmentOptions", "Development", "Fulfilment:MaxStepAttempts", "0", "Fulfilment:MaxStepAttempts" },
        { "FulfilmentOptions", "Development", "Fulfilment:StepDeadline", "00:00:00", "Fulfilment:StepDeadline" },
        { "IdempotencyOptions", "Development", "Idempotency:KeyLifetime", "00:00:00", "Idempotency:KeyLifetime" },
        { "IntakeOptions", "Development", "Api:Intake:MaxConcurrent", "0", "Api:Intake:MaxConcurrent" },
        { "IntakeOptions", "Development", "Api:Intake:QueueLimit", "-1", "Api:Intake:QueueLimit" },
        { "IntakeOptions", "Development", "Api:Intake:MaxBacklogAge", "00:00:00", "Api:Intake:MaxBacklogAge" },
        { "StallOptions", "Development", "Stalls:AuthorizePayment", "00:00:00", "Stalls:AuthorizePayment" },
        { "StallOptions", "Development", "Stalls:ReleaseStock", "soon", "Stalls:ReleaseStock" },
        { "ReadinessOptions", "Development", "Readiness:MaxMessageAge", "00:00:00", "Readiness:MaxMessageAge" },
        { "MetricsEndpointOptions", "Development", "Metrics:ScrapeUrl", "localhost-9464", "Metrics:ScrapeUrl" },
        { "MetricsEndpointOptions", "Development", "Metrics:ScrapeUrl", "http://127.0.0.1:9470/prom", "Metrics:ScrapeUrl must be scheme, host and port only" },
        { "MetricsEndpointOptions", "Development", "Metrics:ScrapeUrl", "http://127.0.0.1:9470/?job=oms", "Metrics:ScrapeUrl must be scheme, host and port only" },
        { "ShutdownOptions", "Development", "Shutdown:DrainPeriod", "00:10:00", "Shutdown:DrainPeriod" },
        { "RequestDeadlineOptions", "Development", "Api:RequestTimeout", "00:00:00.500", "Api:RequestTimeout" },
        { "InboxOptions", "Development", "Messaging:Inbox:Retention", "00:00:30", "Messaging:Inbox:Retention" },
        { "ClockOptions", "Development", "Clock:SyncInterval", "00:00:00", "Clock:SyncInterval" },
        { "ClockOptions", "Development", "Clock:SkewTolerance", "-00:00:01", "Clock:SkewTolerance" },
        { "WebhookOptions", "Development", "Ordering:Webhooks:MaxAttempts", "0", "Ordering:Webhooks:MaxAttempts" },
        { "WebhookOptions", "Production", "Ordering:Webhooks:Lease", "00:00:05", "Ordering:Webhooks:Lease" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Given_a_bad_setting_When_the_host_starts_Then_it_stops_with_a_message_naming_the_key(
        string optionsClass, string environment, string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>(environment == "Production" ? ProductionApiFactory.ProductionKeys() : []) { [key] = value };
        if (key.StartsWith("Auth:ApiKeys:2:", StringComparison.Ordinal))
        {
            settings["Auth:ApiKeys:2:Name"] = "shop";
            settings["Auth:ApiKeys:2:Role"] = "storefront";
        }

        using var console = new ConsoleCapture();
        var factory = new ConfiguredApiFactory(environment, settings);
        try
        {
            await Should.ThrowAsync<Exception>(factory.InitializeAsync, $"{optionsClass}: {key} = '{value}' was accepted at start-up");
        }
        finally
        {
            await DisposeNeverStartedAsync(factory);
        }

        var stopped = console.Lines.Where(l => l.Contains("The host stopped", StringComparison.Ordinal)).ToList();
        stopped.ShouldHaveSingleItem($"{optionsClass}: no single log line says why the host stopped");
        stopped[0].ShouldContain(named, Case.Sensitive, $"{optionsClass}: the start-up error does not name {named}");
    }

    // Stopping a host whose start failed can itself throw inside the framework (it has no hosted services to stop).
    private static async Task DisposeNeverStartedAsync(ConfiguredApiFactory factory)
    {
        try
        {
            await factory.DisposeAsync();
        }
        catch (ArgumentNullException)
        {
        }
    }

    [Fact]
    public void Given_every_options_class_of_the_product_When_listed_Then_each_has_a_validator_and_a_bad_setting_in_the_table()
    {
        var optionsTypes = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } name && name.StartsWith("OrderManagement.", StringComparison.Ordinal) && !name.EndsWith(".Tests", StringComparison.Ordinal)
                && !name.Contains("TestKit", StringComparison.Ordinal) && !name.Contains("Benchmark", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Options", StringComparison.Ordinal)
                && t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })
            .ToList();
        var tabled = BadSettings.Select(row => (string)row[0]).ToHashSet();

        optionsTypes.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var type in optionsTypes)
        {
            tabled.ShouldContain(type.Name, $"{type.FullName} has no bad setting in {nameof(BadSettings)}");
            var validators = (IEnumerable<object>)api.Services.GetServices(typeof(IValidateOptions<>).MakeGenericType(type));
            validators.ShouldNotBeEmpty($"{type.FullName} has no IValidateOptions");
        }
    }
}
