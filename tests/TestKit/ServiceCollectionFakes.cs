using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;

namespace OrderManagement.TestKit;

public static class ServiceCollectionFakes
{
    // Makes a fake module named consumer receive (and record) messages of type T.
    public static IServiceCollection RecordMessages<T>(this IServiceCollection services, string consumer) where T : notnull =>
        services.AddMessageHandler<T, RecordingHandler<T>>(consumer);
}
