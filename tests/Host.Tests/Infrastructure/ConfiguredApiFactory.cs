using Microsoft.AspNetCore.Hosting;

namespace OrderManagement.Host.Tests.Infrastructure;

// The real host in a given environment with extra settings on top of the test ones (for start-up checks).
public sealed class ConfiguredApiFactory(string environment, IReadOnlyDictionary<string, string?> settings) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
    }
}
