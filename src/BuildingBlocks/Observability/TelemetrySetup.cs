using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.BuildingBlocks.Observability;

// Traces and metrics with the OpenTelemetry SDK, configured by its standard variables:
// - OTEL_EXPORTER_OTLP_ENDPOINT (and the other OTEL_EXPORTER_OTLP_* variables) set: traces and metrics are exported
//   over OTLP. Unset: no tracer provider is built, so spans cost nothing; trace context still flows to logs and history.
// - metrics are always served at /metrics in the Prometheus text format (see MetricsEndpointOptions for who may read it).
// - OTEL_SDK_DISABLED=true: neither traces nor metrics, no /metrics (the benchmark's "telemetry off").
public static class TelemetrySetup
{
    public const string ServiceName = "OrderManagement";
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton<ApiMetrics>();
        var apiUrls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        builder.Services.AddValidatedOptions(MetricsEndpointOptions.Section,
            new ValidatedOptions.Rule<MetricsEndpointOptions>(nameof(MetricsEndpointOptions.ScrapeUrl), o => o.IsHttp,
                "must be an absolute http URL (http://127.0.0.1:9464)"),
            new ValidatedOptions.Rule<MetricsEndpointOptions>(nameof(MetricsEndpointOptions.ScrapeUrl), o => o.IsAddressOnly,
                "must be scheme, host and port only (http://127.0.0.1:9464): /metrics is served at its root, so it takes no path, query or user"),
            new ValidatedOptions.Rule<MetricsEndpointOptions>(nameof(MetricsEndpointOptions.ScrapeUrl), o => !SharesApiPort(o, apiUrls),
                $"must use a port of its own, not one the API listens on (ASPNETCORE_URLS: {apiUrls})"));
        if (IsDisabled(configuration))
        {
            return builder;
        }

        if (ScrapeUrl(configuration) is { } scrapeUrl)
        {
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.IsNullOrEmpty(urls) ? $"http://localhost:5000;{scrapeUrl}" : $"{urls};{scrapeUrl}");
        }

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(TelemetryNames.Wildcard)
            .AddAspNetCoreInstrumentation(o => o.Filter = context => IsTraced(context.Request.Path))
            .AddNpgsql());
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Wildcard).AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter());
        }

        return builder;
    }

    public static WebApplication MapMetricsEndpoint(this WebApplication app)
    {
        if (IsDisabled(app.Configuration))
        {
            return app;
        }

        // Created now rather than at the first rejection, so its series are there from the first scrape.
        _ = app.Services.GetRequiredService<ApiMetrics>();
        MetricsAtStart.CreateAll(app.Services);
        var scrapeUrl = ScrapeUrl(app.Configuration);
        if (scrapeUrl is null)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireRoles(Roles.Operator).WithTags("Metrics");
        }
        else
        {
            // The local port, not the Host header, which any client could set.
            var port = scrapeUrl.Port;
            app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
                context.Connection.LocalPort == port && context.Request.Path == MetricsPath);

            // The scrape address is opened to Prometheus, not to clients: nothing else of the host answers there.
            app.Use((context, next) =>
            {
                if (context.Connection.LocalPort != port)
                {
                    return next(context);
                }

                // problem+json for every path, /ops too: the console's HTML refusal pages are not served here.
                var problem = ProblemResponses.Create(context, StatusCodes.Status404NotFound, ProblemType.NotFound.Name, ProblemType.NotFound.Title,
                    $"This address serves only GET {MetricsPath} (Metrics:ScrapeUrl), for Prometheus; the API listens on its own address.");
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
            });
        }

        return app;
    }

    // Only commands sent while some span is open are traced: the dispatchers' polling would otherwise start a trace of
    // its own every poll interval. Physical connection opens are not traced at all: Npgsql has no filter for them, and
    // a pool opening connections in the background (at start-up, after an outage: hundreds a second) is no request's
    // work; a command's span still includes the wait for its connection.
    public static NpgsqlDataSourceBuilder TraceOnlyWithinSpans(this NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => Activity.Current is not null)
            .ConfigureBatchFilter(_ => Activity.Current is not null)
            .EnablePhysicalOpenTracing(false));

    // The API's addresses (ASPNETCORE_URLS) as given; "*" and "+" hosts included.
    private static bool SharesApiPort(MetricsEndpointOptions options, string? apiUrls) =>
        options is { ScrapeUrl: { IsAbsoluteUri: true } scrape }
        && !string.IsNullOrEmpty(apiUrls)
        && apiUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(url => TryPort(url) == scrape.Port);

    private static int? TryPort(string url)
    {
        try
        {
            return BindingAddress.Parse(url).Port;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // An invalid URL is ignored here; the options validation stops the start with a message naming the key.
    private static Uri? ScrapeUrl(IConfiguration configuration) =>
        configuration.GetSection(MetricsEndpointOptions.Section).Get<MetricsEndpointOptions>() is { ScrapeUrl: not null, HasValidScrapeUrl: true } options
            ? options.ScrapeUrl
            : null;

    private static bool IsTraced(PathString path) =>
        !path.StartsWithSegments(MetricsPath) && !path.StartsWithSegments("/health");

    private static bool IsDisabled(IConfiguration configuration) =>
        string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase);
}
