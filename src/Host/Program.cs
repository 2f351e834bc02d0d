using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.BuildingBlocks.Operations.Settings;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Host;
using OrderManagement.Host.Console;
using OrderManagement.Host.Lifecycle;
using OrderManagement.Inventory;
using OrderManagement.Ordering;
using OrderManagement.Payments;
using OrderManagement.Shipping;

var development = false;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddDatabaseSettings();
    development = builder.Environment.IsDevelopment();

    builder.Services.AddStructuredLogging(builder.Configuration, builder.Environment);
    builder.AddTelemetry();
    builder.Services.AddApiPlumbing(builder.Environment);
    builder.Services.AddBuildingBlocks(builder.Configuration);
    builder.Services.AddOrderingModule(builder.Configuration);
    builder.Services.AddInventoryModule();
    builder.Services.AddPaymentsModule(builder.Configuration);
    builder.Services.AddShippingModule();
    builder.Services.AddOpenApiDocument();
    builder.Services.AddOperationsConsole();

    var app = builder.Build();

    app.MapMetricsEndpoint();
    app.UseApiPlumbing();
    app.MapHealthEndpoints();
    app.MapOpenApiDocument(app.Environment);
    app.MapOrderingEndpoints();
    app.MapInventoryEndpoints();
    app.MapPaymentsEndpoints();
    app.MapShippingEndpoints();
    app.MapSettingsEndpoints();
    app.MapOperationsConsole();

    await app.RunWithLifecycleSpansAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // A configuration the host refuses (OptionsValidationException names the key) ends here, before it listens.
    LoggingSetup.ReportStartupFailure(ex, development);
    return 1;
}

// Lets the API tests start the host with WebApplicationFactory<Program>.
public partial class Program;
