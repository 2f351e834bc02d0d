using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Persistence;

namespace OrderManagement.Architecture.Tests.Rules;

// A module's DbContexts as the real registrations build them. The contexts are internal, so they are found by
// reflection and resolved by type; reading a model opens no database connection.
public sealed record ModuleDbContextModel(Type ContextType, string DeclaredSchema, IModel Model)
{
    public static IReadOnlyList<Type> TypesIn(Assembly assembly) =>
        [.. assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(ModuleDbContext)))];

    public static IReadOnlyList<ModuleDbContextModel> In(Assembly assembly, IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return [.. TypesIn(assembly).Select(type => From((ModuleDbContext)scope.ServiceProvider.GetRequiredService(type)))];
    }

    // The design-time model keeps every annotation (column types, schemas); the runtime model may drop some.
    public static ModuleDbContextModel From(ModuleDbContext context) =>
        new(context.GetType(), context.Schema, context.GetService<IDesignTimeModel>().Model);

    public static ServiceProvider BuildServices(Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:OrderManagement"] = "Host=localhost;Database=unused" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        register(services, configuration);
        return services.BuildServiceProvider();
    }
}
