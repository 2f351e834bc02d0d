using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.Shipping.CancelShipment;
using OrderManagement.Shipping.CancelShipmentLines;
using OrderManagement.Shipping.Contracts;
using OrderManagement.Shipping.CreateShipment;
using OrderManagement.Shipping.Persistence;

namespace OrderManagement.Shipping;

// The Shipping module's only public door: shipments from ReadyToShip to Delivered.
public static class ShippingModule
{
    public const string Name = "Shipping";

    public static IServiceCollection AddShippingModule(this IServiceCollection services)
    {
        services.AddModule<ShippingDbContext>(Name, ShippingDbContext.SchemaName);
        services.AddMessageTypes(ShippingMessageNames.All);
        services.AddMessageHandler<Contracts.CreateShipment, CreateShipmentMessageHandler>(Name);
        services.AddMessageHandler<Contracts.CancelShipment, CancelShipmentMessageHandler>(Name);
        services.AddMessageHandler<Contracts.CancelShipmentLines, CancelShipmentLinesMessageHandler>(Name);
        services.AddScoped<IShippingQueries, ShippingQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapShippingEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ShippingEndpoints.Map(endpoints);
        return endpoints;
    }
}
