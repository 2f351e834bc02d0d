using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Json;

namespace OrderManagement.BuildingBlocks.Observability;

public static class LoggingSetup
{
    // Readable lines in Development, one JSON object per event elsewhere; every event carries the correlation id and the
    // trace id, and control characters in logged values are escaped so that no value can forge a line of its own.
    // Levels and extra sinks come from the "Serilog" configuration section (Serilog.Settings.Configuration) and from
    // ILogEventSink services; the access log is written by UseSerilogRequestLogging (ApiPlumbing).
    public static IServiceCollection AddStructuredLogging(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSerilog((provider, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            // The OTLP exporter's HttpClient would log four lines per export (every few seconds), carrying the trace
            // id of whatever span was current when its timer started, a trace that is never exported. (A failed export
            // is not an HttpClient log line either: the SDK reports it through its self-diagnostics only.)
            .MinimumLevel.Override("System.Net.Http.HttpClient.OtlpTraceExporter", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient.OtlpMetricExporter", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient.OtlpLogExporter", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(provider)
            .Filter.ByExcluding(BusyPortEventFilter.IsGenericHostReportOfBusyPort)
            .Enrich.FromLogContext()
            .Enrich.With<CorrelationIdEnricher>()
            .Enrich.With<TraceIdEnricher>()
            .Enrich.With<ControlCharacterEscaper>()
            .WriteTo.Console(ConsoleFormat(environment.IsDevelopment())));

    public static ITextFormatter ConsoleFormat(bool development) => development
        ? new EscapedExceptionTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId} {TraceId}{NewLine}")
        : new JsonFormatter(renderMessage: true);

    // For a host that failed to start: its own logger went with its service provider, so the reason is written by a
    // logger of its own, in the same format. A configuration error is the message alone (it names the key).
    // A listen address in use is one line naming what to change; anything else keeps its stack trace.
    public static void ReportStartupFailure(Exception exception, bool development)
    {
        using var logger = new LoggerConfiguration().Enrich.With<ControlCharacterEscaper>().WriteTo.Console(ConsoleFormat(development)).CreateLogger();
        if (BusyPortEventFilter.IsBusyPort(exception))
        {
            logger.Fatal("The host stopped: {Reason} Another process listens there: stop it, or choose a free address (ASPNETCORE_URLS for "
                + "the API, e.g. http://127.0.0.1:5081; Metrics:ScrapeUrl for the metrics scrape address, e.g. http://127.0.0.1:9465).",
                exception.Message);
            return;
        }

        logger.Fatal(exception is OptionsValidationException ? null : exception, "The host stopped: {Reason}", exception.Message);
    }
}
