using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Inventory.GetStockLevel;
using OrderManagement.Inventory.SetStockLevel;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory;

internal static class InventoryEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var inventory = endpoints.MapGroup("/api/v1/inventory").WithTags("Inventory");

        inventory.MapPut("/{sku}", async (string sku, SetStockLevelRequest body, [FromServices] IValidator<SetStockLevelRequest> validator,
                IMediator mediator, CancellationToken ct) =>
                {
                    await validator.ValidateRequestAsync(body, ct);
                    return Results.Ok(await mediator.Send(body.ToCommand(sku), ct));
                })
            .RequireRoles(Roles.Operator)
            .WithName("SetStockLevel")
            .Produces<StockLevel>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        inventory.MapGet("/{sku}", async (string sku, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetStockLevelQuery(sku), ct)))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("GetStockLevel")
            .Produces<StockLevel>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
