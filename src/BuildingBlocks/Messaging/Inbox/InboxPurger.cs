using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;

namespace OrderManagement.BuildingBlocks.Messaging.Inbox;

// Runs InboxPurge every Messaging:Inbox:PurgeInterval on every host (the deletes do not conflict).
internal sealed partial class InboxPurger(
    InboxPurge purge, MigrationState migrations, IOptionsMonitor<InboxOptions> options, TimeProvider time, ILogger<InboxPurger> logger)
    : BackgroundLoop
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitUntilMigratedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var removed = await purge.PurgeAsync(stoppingToken);
                if (removed > 0)
                {
                    LogPurged(logger, removed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPurgeFailed(logger, ex);
            }

            await Task.Delay(options.CurrentValue.PurgeInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(LogLevel.Information, "Removed {Count} inbox rows older than Messaging:Inbox:Retention whose messages no outbox holds any more.")]
    private static partial void LogPurged(ILogger logger, long count);

    [LoggerMessage(LogLevel.Warning, "Purging old inbox rows failed; nothing was lost (a row is only ever removed when its message can no longer be delivered) and the purge runs again after Messaging:Inbox:PurgeInterval.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
