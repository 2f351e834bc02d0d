using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.BadFixture.Persistence;

namespace OrderManagement.BadFixture;

// The fixture's legitimate public door; everything else in this project breaks a rule on purpose.
public static class BadFixtureModule
{
    public const string Name = "BadFixture";

    public static IServiceCollection AddBadFixtureModule(this IServiceCollection services) =>
        services.AddModule<BadFixtureDbContext>(Name, BadFixtureDbContext.SchemaName);
}
