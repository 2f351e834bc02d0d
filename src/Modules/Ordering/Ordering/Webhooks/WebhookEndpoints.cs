using System.ComponentModel;
using System.Security.Claims;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.BuildingBlocks.Web.ApiKeys;

namespace OrderManagement.Ordering.Webhooks;

// /api/v1/webhooks: subscriptions of the calling API key, their delivery log and the replay of dead letters (ADR 0017).
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var webhooks = endpoints.MapGroup("/api/v1/webhooks").WithTags("Webhooks");

        webhooks.MapPost("", async (CreateWebhookRequest body, HttpContext http, [FromServices] IValidator<CreateWebhookRequest> validator,
                WebhookSubscriptions subscriptions, IOptions<WebhookOptions> options) =>
            {
                await validator.ValidateRequestAsync(body, http.RequestAborted);
                var command = body.ToCommand();
                if (!options.Value.AllowPrivateDestinations
                    && await DestinationRules.AddressProblemAsync(new Uri(command.Url), http.RequestAborted) is { } refused)
                {
                    await ProblemResponses.WriteAsync(http, WebhookProblems.DestinationRefused, "url " + refused);
                    return Results.Empty;
                }

                try
                {
                    var (created, secret) = await subscriptions.CreateAsync(Caller(http.User), command, http.RequestAborted);
                    return Results.Created($"/api/v1/webhooks/{created.Id}", WebhookView.From(created, secret));
                }
                catch (WebhookSubscriptions.LimitReachedException limit)
                {
                    await ProblemResponses.WriteAsync(http, WebhookProblems.LimitReached,
                        $"An API key may hold at most {limit.Limit} subscriptions; delete one you no longer use first.");
                    return Results.Empty;
                }
            })
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("CreateWebhook")
            .Produces<WebhookView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        webhooks.MapGet("", async (HttpContext http, WebhookSubscriptions subscriptions) =>
                Results.Ok(new WebhookPage((await subscriptions.ListAsync(Caller(http.User), http.RequestAborted)).Select(s => WebhookView.From(s)).ToList())))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("ListWebhooks")
            .Produces<WebhookPage>();

        webhooks.MapGet("/{webhookId:guid}", async (Guid webhookId, HttpContext http, WebhookSubscriptions subscriptions) =>
                Results.Ok(WebhookView.From(await subscriptions.GetAsync(Caller(http.User), webhookId, http.RequestAborted))))
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("GetWebhook")
            .Produces<WebhookView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapDelete("/{webhookId:guid}", async (Guid webhookId, HttpContext http, WebhookSubscriptions subscriptions) =>
            {
                await subscriptions.DeleteAsync(Caller(http.User), webhookId, http.RequestAborted);
                return Results.NoContent();
            })
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("DeleteWebhook")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapGet("/{webhookId:guid}/deliveries", async (Guid webhookId,
                [Description("Only deliveries in this status (exact spelling); any other value is a 400.")] EnumFilter<WebhookDeliveryStatus>? status, int? limit, string? cursor, HttpContext http,
                [FromServices] IValidator<ListDeliveriesQuery> validator, WebhookSubscriptions subscriptions) =>
            {
                var query = new ListDeliveriesQuery(status, limit, cursor);
                await validator.ValidateRequestAsync(query, http.RequestAborted);
                return Results.Ok(await subscriptions.DeliveriesAsync(Caller(http.User), webhookId, query, http.RequestAborted));
            })
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("ListWebhookDeliveries")
            .Produces<WebhookDeliveryPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{webhookId:guid}/replay", async (Guid webhookId, HttpContext http, WebhookSubscriptions subscriptions, WebhookSignal signal) =>
            {
                var result = await subscriptions.ReplayAsync(Caller(http.User), webhookId, http.RequestAborted);
                signal.Notify();
                return Results.Ok(result);
            })
            .RequireRoles(Roles.Storefront, Roles.Operator)
            .WithName("ReplayWebhookDeliveries")
            .Produces<ReplayResult>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static WebhookCaller Caller(ClaimsPrincipal user) => new(user.Identity?.Name ?? "unknown", user.IsInRole(Roles.Operator));
}
