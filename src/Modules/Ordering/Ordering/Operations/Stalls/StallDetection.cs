using System.Globalization;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.OrderHistory;

namespace OrderManagement.Ordering.Operations.Stalls;

// Decides whether a saga is stalled and says why in words an operator on call can act on. Two counts are kept apart and
// named: step attempts (how often the saga sent the step's command) and provider attempts (how often Payments called
// the payment provider). What happens next follows what is really pending (StallOutlook), never a stock phrase.
internal static class StallDetection
{
    public static readonly SagaStatus[] Waiting = [SagaStatus.Running, SagaStatus.Compensating, SagaStatus.Failed];

    public static StallView? Inspect(SagaWait wait, StallOptions options, DateTimeOffset now, StallOutlook outlook)
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
        return new StallView(wait.OrderId, wait.Status, SagaView.Shown(wait.Step), reply, module, wait.Since,
            Math.Round(waiting.TotalSeconds, 1), normal.TotalSeconds, wait.Attempts, wait.LastError, wait.NextAttemptAt,
            Reason(wait, reply, module, waiting, normal, now, outlook));
    }

    private static string Reason(SagaWait wait, string reply, ModuleName module, TimeSpan waiting, TimeSpan normal, DateTimeOffset now, StallOutlook outlook)
    {
        var sends = StepAttempts(wait, outlook);
        var lastError = wait.LastError is null ? "" : $"; last error: {wait.LastError.TrimEnd('.')}";
        var pending = StallNextWords.ByItself(outlook, now);
        if (wait.Status == SagaStatus.Failed)
        {
            var next = pending.Count == 0
                ? "Nothing more happens by itself: " + (outlook.DeadLetters > 0 ? "replay its dead letter, retry the step, or cancel the order." : "retry the step, or cancel the order.")
                : "It is not stuck for good; by itself, " + string.Join("; ", pending) + ". Wait for that, or cancel the order if it should not go on.";
            return $"Failed while waiting for {reply} from {module} ({sends}{lastError}). {next}";
        }

        var deadline = StallNextWords.AtDeadline(wait, outlook, now);
        var more = pending.Count == 0 ? "" : "; meanwhile, by itself, " + string.Join("; ", pending);
        return $"Waiting {Duration(waiting)} for {reply} from {module}; normally under {Duration(normal)}; {sends}{lastError}{deadline}{more}.";
    }

    private static string StepAttempts(SagaWait wait, StallOutlook outlook)
    {
        var command = SagaDefinition.Of(wait.Step).CommandType.Name;
        var of = outlook.MaxStepAttempts > 0 ? $" of {outlook.MaxStepAttempts}" : "";
        return $"step attempts {wait.Attempts}{of}: the saga sent {command} {Times(wait.Attempts)}";
    }

    public static string Times(int count) => count == 1 ? "once" : $"{count} times";

    public static string Duration(TimeSpan span) => span.TotalSeconds switch
    {
        < 1 => "under a second",
        < 90 => $"{Math.Round(span.TotalSeconds).ToString(CultureInfo.InvariantCulture)} s",
        < 90 * 60 => $"{Math.Round(span.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min",
        < 48 * 3600 => $"{Math.Round(span.TotalHours).ToString(CultureInfo.InvariantCulture)} h",
        _ => $"{Math.Round(span.TotalDays).ToString(CultureInfo.InvariantCulture)} days",
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}

// A saga's wait as read from the database: since is when the current step started (or was last retried by hand).
internal sealed record SagaWait(
    Guid OrderId, SagaStatus Status, SagaStep Step, int Attempts, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset Since);
