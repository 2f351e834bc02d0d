using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Shipping.DeliverShipment;
using OrderManagement.Shipping.DispatchShipment;
using OrderManagement.Shipping.GetShipment;
using OrderManagement.Shipping.SplitShipment;

namespace OrderManagement.Shipping;

internal static class ShippingEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var shipments = endpoints.MapGroup("/api/v1/shipments").WithTags("Shipments").RequireRoles(Roles.Operator);

        shipments.MapGet("/{shipmentId:guid}", async (Guid shipmentId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetShipmentQuery(shipmentId), ct)))
            .WithName("GetShipment")
            .Produces<ShipmentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        shipments.MapPost("/{shipmentId:guid}/dispatch", async (Guid shipmentId, DispatchShipmentRequest body,
                [FromServices] IValidator<DispatchShipmentRequest> validator, IMediator mediator, CancellationToken ct) =>
                {
                    await validator.ValidateRequestAsync(body, ct);
                    return Results.Accepted($"/api/v1/shipments/{shipmentId}", await mediator.Send(body.ToCommand(shipmentId), ct));
                })
            .WithName("DispatchShipment")
            .Produces<ShipmentView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Partial shipments (docs/adr/0019): carve units not yet dispatched out of the order's remainder into a new shipment.
        endpoints.MapPost("/api/v1/orders/{orderId:guid}/shipments", async (Guid orderId, SplitShipmentRequest body,
                [FromServices] IValidator<SplitShipmentRequest> validator, IMediator mediator, CancellationToken ct) =>
                {
                    await validator.ValidateRequestAsync(body, ct);
                    var shipment = await mediator.Send(body.ToCommand(orderId), ct);
                    return Results.Created($"/api/v1/shipments/{shipment.ShipmentId}", shipment);
                })
            .RequireRoles(Roles.Operator)
            .WithTags("Shipments")
            .WithName("CreatePartialShipment")
            .Produces<ShipmentView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        shipments.MapPost("/{shipmentId:guid}/deliver", async (Guid shipmentId, IMediator mediator, CancellationToken ct) =>
                Results.Accepted($"/api/v1/shipments/{shipmentId}", await mediator.Send(new DeliverShipmentCommand(shipmentId), ct)))
            .WithName("DeliverShipment")
            .Produces<ShipmentView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
