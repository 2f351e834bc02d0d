using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Inventory.CommitStock;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.ReleaseStock;
using OrderManagement.Inventory.ReserveStock;

namespace OrderManagement.Inventory;

// The Inventory module's only public door: stock levels and all-or-nothing reservations.
public static class InventoryModule
{
    public const string Name = "Inventory";

    public static IServiceCollection AddInventoryModule(this IServiceCollection services)
    {
        // Every reservation updates shared stock rows: groups of messages run one at a time so they cannot deadlock.
        services.AddModule<InventoryDbContext>(Name, InventoryDbContext.SchemaName, MessageDelivery.GroupedOneAtATime);
        services.AddMessageTypes(InventoryMessageNames.All);
        services.AddMessageHandler<Contracts.ReserveStock, ReserveStockMessageHandler>(Name);
        services.AddMessageHandler<Contracts.ReleaseStock, ReleaseStockMessageHandler>(Name);
        services.AddMessageHandler<Contracts.CommitStock, CommitStockMessageHandler>(Name);
        services.AddScoped<IInventoryQueries, InventoryQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        InventoryEndpoints.Map(endpoints);
        return endpoints;
    }
}
