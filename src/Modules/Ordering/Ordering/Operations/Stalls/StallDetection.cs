using System.Globalization;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Operations.Stalls;

// Decides whether a saga is stalled and says why in words an operator on call can act on.
internal static class StallDetection
{
    public static readonly SagaStatus[] Waiting = [SagaStatus.Running, SagaStatus.Compensating, SagaStatus.Failed];

    public static StallReport? Inspect(SagaWait wait, StallOptions options, DateTimeOffset now)
    {
        if (!Waiting.Contains(wait.Status) || wait.Step == SagaStep.None)
        {
            return null;
        }

        var waiting = now - wait.Since;
        var normal = options.NormalWaitFor(wait.Step);
        if (wait.Status != SagaStatus.Failed && waiting <= normal)
        {
            return null;
        }

        var (reply, module) = AwaitedReplies.For(wait.Step);
        return new StallReport(wait.OrderId, wait.Status.ToString(), wait.Step.ToString(), reply, module, wait.Since,
            Math.Round(waiting.TotalSeconds, 1), normal.TotalSeconds, wait.Attempts, wait.LastError, wait.NextAttemptAt,
            Reason(wait, reply, module, waiting, normal, now));
    }

    private static string Reason(SagaWait wait, string reply, string module, TimeSpan waiting, TimeSpan normal, DateTimeOffset now)
    {
        var attempts = wait.Attempts == 1 ? "1 attempt" : $"{wait.Attempts} attempts";
        var lastError = wait.LastError is null ? "" : $", last error: {wait.LastError}";
        if (wait.Status == SagaStatus.Failed)
        {
            return $"Failed while waiting for {reply} from {module} ({attempts}{lastError}). Nothing more happens by itself: " +
                "retry the step, or cancel the order.";
        }

        var next = "";
        if (wait.NextAttemptAt is { } at)
        {
            next = at > now ? $"; sent again in {Duration(at - now)} unless it arrives" : "; it is being sent again now";
        }

        return $"Waiting {Duration(waiting)} for {reply} from {module}; normally under {Duration(normal)}; {attempts}{lastError}{next}.";
    }

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "under a second",
        < 90 => $"{Math.Round(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s",
        < 90 * 60 => $"{Math.Round(span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
        < 48 * 3600 => $"{Math.Round(span.TotalHours).ToString(CultureInfo.InvariantCulture)} h",
        _ => $"{Math.Round(span.TotalDays).ToString(CultureInfo.InvariantCulture)} days",
    };
}

// A saga's wait as read from the database: since is when the current step started (or was last retried by hand).
internal sealed record SagaWait(
    Guid OrderId, SagaStatus Status, SagaStep Step, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset Since);
