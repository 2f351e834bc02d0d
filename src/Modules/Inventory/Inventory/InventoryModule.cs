using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.Inventory.CommitStock;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.ReleaseStock;
using OrderManagement.Inventory.ReleaseStockLines;
using OrderManagement.Inventory.ReserveStock;
using OrderManagement.Inventory.RestockReturn;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory;

// The Inventory module's only public door: stock levels and all-or-nothing reservations.
public static class InventoryModule
{
    public const string Name = "Inventory";

    public static IServiceCollection AddInventoryModule(this IServiceCollection services)
    {
        // Every reservation updates shared stock rows: a group of messages locks the rows it needs in SKU order first,
        // so groups that share rows queue instead of deadlocking, and only those wait.
        services.AddModule<InventoryDbContext>(Name, InventoryDbContext.SchemaName);
        services.AddMessageGroupLocks<StockRowLocks>(Name);
        services.AddMessageTypes(InventoryMessageNames.All);
        services.AddMessageHandler<Contracts.ReserveStock, ReserveStockMessageHandler>(Name);
        services.AddMessageHandler<Contracts.ReleaseStock, ReleaseStockMessageHandler>(Name);
        services.AddMessageHandler<Contracts.ReleaseStockLines, ReleaseStockLinesMessageHandler>(Name);
        services.AddMessageHandler<Contracts.CommitStock, CommitStockMessageHandler>(Name);
        services.AddMessageHandler<Contracts.RestockReturn, RestockReturnMessageHandler>(Name);
        services.AddScoped<IInventoryQueries, InventoryQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        InventoryEndpoints.Map(endpoints);
        return endpoints;
    }
}
