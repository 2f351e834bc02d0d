using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Json;

namespace OrderManagement.BuildingBlocks.Observability;

public static class LoggingSetup
{
    // Readable lines in Development, one JSON object per event elsewhere; every event carries the correlation id.
    public static void AddStructuredLogging(this ILoggingBuilder logging, IConfiguration configuration, IHostEnvironment environment)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", Serilog.Events.LogEventLevel.Error)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Enrich.With<CorrelationIdEnricher>();

        logger = environment.IsDevelopment()
            ? logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            : logger.WriteTo.Console(new JsonFormatter(renderMessage: true));

        logging.ClearProviders();
        logging.AddSerilog(logger.CreateLogger(), dispose: true);
    }
}
