using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.TestKit;

// A module's outbox dispatcher, to stop it (as if it had died) and start it again.
public static class Dispatchers
{
    public static IHostedService Of(IServiceProvider services, string module) =>
        services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single(d => d.Module == module);
}
