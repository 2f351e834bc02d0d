using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.BuildingBlocks.Web;

// Every API request has a deadline (ASP.NET Core's request timeouts): its RequestAborted token fires at
// Api:RequestTimeout, which cancels the database wait it is in (a pool slot, a row lock, a slow statement), and the
// client gets a 503 problem in time instead of hanging until the command timeout.
internal static class RequestDeadlines
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    public static IServiceCollection AddRequestDeadlines(this IServiceCollection services)
    {
        services.AddValidatedOptions(RequestDeadlineOptions.Section,
            new ValidatedOptions.Rule<RequestDeadlineOptions>(nameof(RequestDeadlineOptions.RequestTimeout),
                o => o.RequestTimeout >= Shortest && o.RequestTimeout <= Longest, "must be a duration from 00:00:01 to 00:01:00"));
        services.AddRequestTimeouts();
        services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<RequestDeadlineOptions>>((timeouts, deadline) =>
            timeouts.DefaultPolicy = new RequestTimeoutPolicy
            {
                Timeout = deadline.Value.RequestTimeout,
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = context => WriteAsync(context, deadline.Value.RequestTimeout),
            });
        return services;
    }

    private static Task WriteAsync(HttpContext context, TimeSpan deadline)
    {
        context.RequestServices.GetRequiredService<ApiMetrics>().Rejected("request-timeout");
        context.Response.Headers.RetryAfter = "5";
        return ProblemResponses.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "request-timeout",
            "The request did not finish in time.",
            $"It was abandoned after {deadline.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s (Api:RequestTimeout), usually because the database is busy (every pooled connection in use, or a lock held by another session). "
            + "Retry after a few seconds with the same Idempotency-Key: if the request did take effect, the repeat returns its original answer.");
    }
}
