using Microsoft.Extensions.Hosting;
using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.TestKit;

namespace OrderManagement.Architecture.Tests.Schema;

// This project's database, migrated by the host's own start-up with all four modules registered.
public sealed class MigratedDatabase : IAsyncLifetime
{
    private IHost? _host;

    public string ConnectionString { get; private set; } = "";

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.ConnectionStringAsync();
        _host = await MigratingHost.StartAsync(ConnectionString, (services, configuration) => services.AddAllModules(configuration));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
