using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrderManagement.BuildingBlocks.Migrations;

// Migrates before the host serves requests. If the database is unreachable at start the host still starts
// (liveness answers, readiness says 503) and keeps trying in the background.
internal sealed partial class MigrationHostedService(SchemaMigrator migrator, MigrationState state, ILogger<MigrationHostedService> logger)
    : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await TryMigrateAsync(cancellationToken))
        {
            return;
        }

        _retrying = RetryUntilMigratedAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retrying is not null)
        {
            await _retrying.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    // Cancel, not dispose, as BackgroundService does: the host may call StopAsync again after disposing its
    // services (WebApplicationFactory stops a minimal-hosting app twice), and a disposed source would throw there.
    public void Dispose() => _stopping.Cancel();

    private async Task RetryUntilMigratedAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (await TryMigrateAsync(stoppingToken))
            {
                return;
            }

            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 10));
        }
    }

    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migrator.MigrateAsync(cancellationToken);
            state.MarkMigrated();
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogMigrationFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(LogLevel.Error, "Migrating the database failed; retrying in the background. Check ConnectionStrings:OrderManagement and that PostgreSQL is running.")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);
}
