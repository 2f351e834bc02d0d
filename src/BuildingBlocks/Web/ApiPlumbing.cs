using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderManagement.BuildingBlocks.Lifecycle;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using Serilog;

namespace OrderManagement.BuildingBlocks.Web;

public static class ApiPlumbing
{
    public const long MaxBodyBytes = 256 * 1024;

    public static IServiceCollection AddApiPlumbing(this IServiceCollection services, IHostEnvironment environment)
    {
        services.Configure<KestrelServerOptions>(options =>
        {
            options.Limits.MaxRequestBodySize = MaxBodyBytes;
            // A step above our own limits, so that RequestHeadLimitsMiddleware answers with a problem body first.
            options.Limits.MaxRequestLineSize = 2 * RequestHeadLimitsMiddleware.MaxTargetLength;
            options.Limits.MaxRequestHeaderCount = 2 * RequestHeadLimitsMiddleware.MaxHeaderCount;
            options.Limits.MaxRequestHeadersTotalSize = 2 * RequestHeadLimitsMiddleware.MaxHeaderBytes;
        });
        // Binding failures (wrong type, missing body) become exceptions in every environment, so Production answers
        // with the same problem body as Development instead of a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options =>
        {
            // "quantity": "2" is a client error, not a number.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Answers the framework makes itself (an unknown path, a wrong method or media type) use the API's own types.
            var type = FrameworkProblem(context.ProblemDetails.Status);
            context.ProblemDetails.Type = type?.Uri ?? ProblemResponses.TypeBase + "http-" + context.ProblemDetails.Status;
            context.ProblemDetails.Title = type?.Title ?? context.ProblemDetails.Title;
            context.ProblemDetails.Detail ??= DefaultDetail(context.ProblemDetails.Status);
            context.ProblemDetails.Extensions["traceId"] = RequestTrace.Id(context.HttpContext);
        });
        services.AddExceptionHandler<ExceptionToProblemHandler>();
        services.AddApiKeyAuthentication(environment);
        services.AddIntakeLimits();
        services.AddGracefulShutdown();
        services.AddRequestDeadlines();
        return services;
    }

    private static ProblemType? FrameworkProblem(int? status) => status switch
    {
        400 => ProblemType.BadRequest,
        404 => ProblemType.NotFound,
        405 => ProblemType.MethodNotAllowed,
        413 => ProblemType.PayloadTooLarge,
        415 => ProblemType.UnsupportedMediaType,
        _ => null,
    };

    private static string DefaultDetail(int? status) => status switch
    {
        400 => "The request could not be read; check the JSON body and the query parameters.",
        404 => "There is no resource at this path.",
        405 => "This path does not accept that HTTP method.",
        413 => "Request bodies may be at most 256 KiB.",
        415 => "Send the body as JSON in UTF-8 with 'Content-Type: application/json'.",
        _ => "See the status code.",
    };

    // An answer the framework leaves without a body (an unknown path, a method a path does not take): on an address
    // that has refusal pages of its own (the console's, IRefusalPages) one of those, in its words; elsewhere the API's
    // problem+json, as UseStatusCodePages() writes it (plain text when the client accepts no JSON).
    private static async Task StatusCodePageAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (http.RequestServices.GetService<IRefusalPages>() is { } pages && pages.Serves(http))
        {
            var missing = status == StatusCodes.Status404NotFound;
            await pages.WriteAsync(http, status, missing ? "No such page" : FrameworkProblem(status)?.Title ?? $"HTTP {status}",
                missing ? $"There is no page at {http.Request.Path}." : DefaultDetail(status),
                null);
            return;
        }

        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = status },
            }))
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync($"Status Code: {status}", http.RequestAborted);
        }
    }

    public static WebApplication UseApiPlumbing(this WebApplication app)
    {
        app.UseConnectionCloseWhileDraining();
        app.UseMiddleware<CorrelationIdMiddleware>();
        // Outside the exception handler, so the one access-log line per request has the status the client got.
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms for {ApiKeyName}";
            options.GetLevel = AccessLogLevel.Of;
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("ApiKeyName", context.User.Identity?.Name ?? "anonymous");
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodePageAsync);
        // Inside the exception handler: the deadline's cancellation is answered here as 503, not as an error.
        app.UseRequestTimeouts();
        app.UseMiddleware<RequestHeadLimitsMiddleware>();
        app.UseMiddleware<ControlCharacterGuardMiddleware>();
        app.UseMiddleware<ReadinessGateMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<JsonCharsetMiddleware>();
        app.UseMiddleware<JsonTextMiddleware>();
        return app;
    }
}
