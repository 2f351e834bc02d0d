using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Lifecycle;

namespace OrderManagement.BuildingBlocks.Time;

// Samples the database's clock_timestamp() once at start-up (before the dispatchers schedule anything) and then every
// Clock:SyncInterval, and says in the log when the host's own clock is off by more than Clock:SkewTolerance.
internal sealed partial class DatabaseClockSync(
    NpgsqlDataSource dataSource,
    DatabaseClock clock,
    IOptions<ClockOptions> options,
    ILogger<DatabaseClockSync> logger) : BackgroundLoop
{
    private static readonly TimeSpan FirstSampleTimeout = TimeSpan.FromSeconds(5);
    private bool _skewed;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FirstSampleTimeout);
        await SampleAsync(timeout.Token, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task RunAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SyncInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await SampleAsync(stoppingToken, stoppingToken);
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken, CancellationToken stopping)
    {
        try
        {
            // Opened first, so the timed round trip is the query's alone.
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
            var sentAt = clock.Host.GetTimestamp();
            var databaseTime = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
            clock.Record(new DateTimeOffset(databaseTime, TimeSpan.Zero), sentAt, clock.Host.GetTimestamp());
            Report(clock.Skew!.Value);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            LogSampleFailed(ex.GetBaseException().Message);
        }
    }

    private void Report(TimeSpan skew)
    {
        var skewed = skew.Duration() > options.Value.SkewTolerance;
        if (skewed && !_skewed)
        {
            LogSkewed(ClockSkew.Describe(skew), options.Value.SkewTolerance.TotalSeconds);
        }
        else if (!skewed && _skewed)
        {
            LogBackInTolerance(ClockSkew.Describe(skew));
        }

        _skewed = skewed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "This host's clock is {Skew} (tolerance {ToleranceSeconds} s): fix its time synchronization (NTP). Scheduling and history use the database's clock meanwhile; /health/ready reports the host not ready until it is fixed")]
    private partial void LogSkewed(string skew, double toleranceSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "This host's clock is back within tolerance: {Skew}")]
    private partial void LogBackInTolerance(string skew);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the database's clock ({Reason}); the last measured offset stays in use, and the host's own clock before the first")]
    private partial void LogSampleFailed(string reason);
}
