using Microsoft.Extensions.Hosting;
using Npgsql;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Migrations;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.BuildingBlocks.Messaging;

// Samples PipelineBacklog a few times a second: often enough for admission to follow a rush, rare enough to cost one
// index lookup per outbox per sample. A failed sample (database away) counts as no backlog.
internal sealed class PipelineBacklogSampler(
    PipelineBacklog backlog, NpgsqlDataSource dataSource, IEnumerable<ModuleDescriptor> modules, MigrationState migrations) : BackgroundLoop
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(1);

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        var sql = PipelineBacklog.Sql(modules);
        try
        {
            await migrations.WaitUntilMigratedAsync(stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(QueryTimeout);
                try
                {
                    backlog.Record(await PipelineBacklog.MeasureAsync(dataSource, sql, timeout.Token));
                }
                catch (Exception) when (!stoppingToken.IsCancellationRequested)
                {
                    backlog.Record(TimeSpan.Zero);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
