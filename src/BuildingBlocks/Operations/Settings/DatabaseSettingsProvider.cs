using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.BuildingBlocks.Operations.Settings;

// Configuration from operations.settings, read again every PollInterval: a change there reloads IConfiguration, and
// IOptionsMonitor readers in every host see it within seconds, without a restart. Until the database answers the
// provider is simply empty, so the deployment's values apply.
// Its reads go through a data source of its own that traces only within a span (TelemetrySetup.TraceOnlyWithinSpans),
// as the host's does: the poll is background work, not a trace.
internal sealed class DatabaseSettingsProvider(IConfiguration root, TimeSpan pollInterval) : ConfigurationProvider, IDisposable
{
    private readonly Lock _gate = new();
    private Timer? _timer;
    private int _polling;
    private (string ConnectionString, NpgsqlDataSource Source)? _dataSource;

    public override void Load()
    {
        // The timer carries the execution context of its creator: a span open then must not parent every poll.
        _timer ??= new Timer(_ =>
        {
            Activity.Current = null;
            Poll();
        }, null, TimeSpan.Zero, pollInterval);
    }

    // Also called by the settings store right after a change, so the host that made it does not wait for the poll.
    public void Poll()
    {
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            if (Read() is { } values && !SameAs(values))
            {
                Data = values;
                OnReload();
            }
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private Dictionary<string, string?>? Read()
    {
        if (root.GetConnectionString(BuildingBlocksRegistration.ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            return null;
        }

        try
        {
            using var connection = DataSource(connectionString).OpenConnection();
            using var command = new NpgsqlCommand($"SELECT key, value FROM {OperationsSchema.Name}.settings", connection);
            using var reader = command.ExecuteReader();
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }

            return values;
        }
        catch (NpgsqlException)
        {
            return null; // not reachable or not migrated yet: keep what we have
        }
    }

    private NpgsqlDataSource DataSource(string connectionString)
    {
        lock (_gate)
        {
            if (_dataSource is not { } current || current.ConnectionString != connectionString)
            {
                _dataSource?.Source.Dispose();
                _dataSource = current = (connectionString, new NpgsqlDataSourceBuilder(connectionString).TraceOnlyWithinSpans().Build());
            }

            return current.Source;
        }
    }

    private bool SameAs(Dictionary<string, string?> values) =>
        values.Count == Data.Count && values.All(v => Data.TryGetValue(v.Key, out var current) && current == v.Value);

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            _dataSource?.Source.Dispose();
            _dataSource = null;
        }
    }
}

internal sealed class DatabaseSettingsSource(IConfiguration root, TimeSpan pollInterval) : IConfigurationSource
{
    public DatabaseSettingsProvider? Provider { get; private set; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider = new DatabaseSettingsProvider(root, pollInterval);
}
