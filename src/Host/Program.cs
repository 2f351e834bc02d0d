using OrderManagement.BuildingBlocks;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Host;
using OrderManagement.Host.Console;
using OrderManagement.Inventory;
using OrderManagement.Ordering;
using OrderManagement.Payments;
using OrderManagement.Shipping;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddStructuredLogging(builder.Configuration, builder.Environment);
builder.Services.AddApiPlumbing(builder.Environment);
builder.Services.AddBuildingBlocks(builder.Configuration);
builder.Services.AddOrderingModule(builder.Configuration);
builder.Services.AddInventoryModule();
builder.Services.AddPaymentsModule(builder.Configuration);
builder.Services.AddShippingModule();
builder.Services.AddOpenApiDocument();
builder.Services.AddOperationsConsole();

var app = builder.Build();

app.UseApiPlumbing();
app.MapHealthEndpoints();
app.MapOpenApiDocument(app.Environment);
app.MapOrderingEndpoints();
app.MapInventoryEndpoints();
app.MapPaymentsEndpoints();
app.MapShippingEndpoints();
app.MapOperationsConsole();

app.Run();

// Lets the API tests start the host with WebApplicationFactory<Program>.
public partial class Program;
