using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Idempotency;

// Expired keys already count as absent; this only keeps the table small.
internal sealed partial class ExpiredKeyPurger(IServiceScopeFactory scopes, MigrationState migrations, TimeProvider time, ILogger<ExpiredKeyPurger> logger)
    : BackgroundLoop
{
    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        await migrations.WaitUntilMigratedAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(10), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
                var now = time.GetUtcNow();
                await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPurgeFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Purging expired idempotency keys failed; they are ignored anyway and the purge runs again later.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
