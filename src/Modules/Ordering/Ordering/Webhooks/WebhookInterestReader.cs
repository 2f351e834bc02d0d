using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Webhooks;

// Reads the wanted event types every Ordering:Webhooks:InterestRefresh: a subscription created on another host gets
// the events of order changes made from at most that long after its creation.
internal sealed partial class WebhookInterestReader(
    NpgsqlDataSource dataSource, WebhookInterest interest, MigrationState migrations, TimeProvider time, IOptionsMonitor<WebhookOptions> options,
    ILogger<WebhookInterestReader> logger) : BackgroundLoop
{
    private const string Query = $"SELECT DISTINCT unnest(event_types) FROM {OrderingDbContext.SchemaName}.webhook_subscriptions";

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitUntilMigratedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var readAt = time.GetUtcNow();
                var readStartedAt = interest.ReadStarting();
                var types = new List<string>();
                await using var command = dataSource.CreateCommand(Query);
                await using var reader = await command.ExecuteReaderAsync(stoppingToken);
                while (await reader.ReadAsync(stoppingToken))
                {
                    types.Add(reader.GetString(0));
                }

                // Five refreshes missed in a row (the database is unreachable): record everything again.
                interest.Replace(types, readAt + 5 * options.CurrentValue.InterestRefresh, readStartedAt);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogReadFailed(logger, ex);
            }

            await Task.Delay(options.CurrentValue.InterestRefresh, time, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Reading which webhook event types are subscribed failed; until it succeeds again every order event is recorded for the fan-out, which drops the unwanted ones. Check the database connection.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
