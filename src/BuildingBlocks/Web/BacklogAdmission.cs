using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.BuildingBlocks.Web;

// Admission by the pipeline's real backlog (issue 13): while the pipeline is further behind than
// Api:Intake:MaxBacklogAge (PipelineBacklog: how long a queue of due messages has waited), a new order would only wait
// behind that queue, so it is turned away with 503 `backlog` and Retry-After before anything is stored, and the cores
// go to the orders already accepted. The concurrency limit (IntakeLimits) bounds a burst; this bounds how long an
// accepted order waits.
internal static class BacklogAdmission
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var behind = http.RequestServices.GetRequiredService<PipelineBacklog>().Age;
        var limit = http.RequestServices.GetRequiredService<IOptionsMonitor<IntakeOptions>>().CurrentValue.MaxBacklogAge;
        if (behind <= limit)
        {
            return await next(context);
        }

        http.RequestServices.GetRequiredService<ApiMetrics>().Rejected("backlog");
        http.Response.Headers.RetryAfter = "1";
        await ProblemResponses.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "backlog",
            "Orders already accepted are still being fulfilled.",
            $"The pipeline is {Seconds(behind)} s behind (limit {Seconds(limit)} s, Api:Intake:MaxBacklogAge). "
            + "Retry after a second; nothing was changed.");
        return Results.Empty;
    }

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture);
}
