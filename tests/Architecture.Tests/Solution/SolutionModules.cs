using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks;
using OrderManagement.Inventory;
using OrderManagement.Ordering;
using OrderManagement.Payments;
using OrderManagement.Shipping;

namespace OrderManagement.Architecture.Tests.Solution;

// The four modules, registered exactly as the host's Program.cs registers them.
public static class SolutionModules
{
    public const string BuildingBlocks = "OrderManagement.BuildingBlocks";

    public static readonly IReadOnlyList<ModuleUnderTest> All =
    [
        ModuleUnderTest.Named("Ordering", "ordering"),
        ModuleUnderTest.Named("Inventory", "inventory"),
        ModuleUnderTest.Named("Payments", "payments"),
        ModuleUnderTest.Named("Shipping", "shipping"),
    ];

    public static TheoryData<string> Names => [.. All.Select(m => m.Name)];

    public static ModuleUnderTest Get(string name) => All.Single(m => m.Name == name);

    public static IServiceCollection AddAllModules(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBuildingBlocks(configuration)
            .AddOrderingModule(configuration)
            .AddInventoryModule()
            .AddPaymentsModule(configuration)
            .AddShippingModule();
}
