using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Time;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Observability;

// The real host on a machine whose clock is 5 minutes ahead of the database's.
public sealed class SkewedClockApiFactory : ApiFactory
{
    public static readonly TimeSpan Ahead = TimeSpan.FromMinutes(5);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(HostClock.Key, new AheadClock()));
    }

    private sealed class AheadClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Ahead;
    }
}
