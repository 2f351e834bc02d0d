using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace OrderManagement.Host.Tests.Infrastructure;

// The real host behind real Kestrel on a free loopback port, for requests only a real server parses (raw bytes).
public sealed class KestrelApiFactory : ApiFactory
{
    public KestrelApiFactory() => UseKestrel(0);

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void StartHost() => StartServer();
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelApiFactory>
{
    public const string Name = "api-kestrel";
}
