using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Observability;
using OrderManagement.BuildingBlocks.Operations.Settings;

namespace OrderManagement.BuildingBlocks.Web;

// Bounds what a burst can start: at most MaxConcurrent intake requests run and QueueLimit wait; the rest are turned
// away at once with a 503 problem and Retry-After; BacklogAdmission also turns new orders away while the pipeline is
// behind. Memory and latency stay bounded, and the orders already accepted keep the CPU they need to move through
// the pipeline instead of queueing behind an unbounded backlog.
public static class IntakeLimits
{
    private const string Policy = "intake";

    // Options are read when the host starts, so settings a test host adds late still count.
    public static IServiceCollection AddIntakeLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions(IntakeOptions.Section,
            ValidatedOptions.AtLeast<IntakeOptions>(nameof(IntakeOptions.MaxConcurrent), o => o.MaxConcurrent, 1),
            ValidatedOptions.AtLeast<IntakeOptions>(nameof(IntakeOptions.QueueLimit), o => o.QueueLimit, 0),
            ValidatedOptions.Positive<IntakeOptions>(nameof(IntakeOptions.MaxBacklogAge), o => o.MaxBacklogAge));
        services.AddRateLimiter(_ => { });
        services.AddEditableSetting(EditableSetting.Integer($"{IntakeOptions.Section}:MaxConcurrent",
            "POST /orders handled at once", 1, 4096, new IntakeOptions().MaxConcurrent));
        services.AddEditableSetting(EditableSetting.Integer($"{IntakeOptions.Section}:QueueLimit",
            "POST /orders waiting for a slot; beyond it 503 overloaded", 0, 100000, new IntakeOptions().QueueLimit));
        services.AddEditableSetting(EditableSetting.Duration($"{IntakeOptions.Section}:MaxBacklogAge",
            "How long a queue of due messages may wait before POST /orders answers 503 backlog",
            TimeSpan.FromMilliseconds(50), TimeSpan.FromDays(1), new IntakeOptions().MaxBacklogAge));
        services.AddOptions<RateLimiterOptions>().Configure<IOptionsMonitor<IntakeOptions>>((limiter, intake) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ApiMetrics>().Rejected("overloaded");
                context.HttpContext.Response.Headers.RetryAfter = "1";
                return new ValueTask(ProblemResponses.WriteAsync(context.HttpContext, 503, "overloaded",
                    "The service is busy.", "Too many orders are being placed right now. Retry after a second; nothing was changed."));
            };
            // Partitioned by the limits themselves: when operators change them, new requests go to a limiter with the new
            // limits at once, and the requests holding the old one finish there.
            limiter.AddPolicy(Policy, _ =>
            {
                var current = intake.CurrentValue;
                return RateLimitPartition.GetConcurrencyLimiter((current.MaxConcurrent, current.QueueLimit), limits => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.MaxConcurrent,
                    QueueLimit = limits.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });
        return services;
    }

    // The concurrency limit, then admission by the pipeline's backlog (BacklogAdmission).
    public static TBuilder RequireIntakeLimit<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRateLimiting(Policy).AddEndpointFilter(BacklogAdmission.FilterAsync);
}
