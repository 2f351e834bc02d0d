using System.Globalization;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console;

// How the console writes times, durations and rates: UTC, to the second, invariant culture.
public static class Show
{
    public static string Time(DateTimeOffset? at) =>
        at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static string Seconds(double? seconds) => seconds switch
    {
        null => "—",
        < 1 => (seconds.Value * 1000).ToString("0", CultureInfo.InvariantCulture) + " ms",
        < 120 => seconds.Value.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 7200 => (seconds.Value / 60).ToString("0.0", CultureInfo.InvariantCulture) + " min",
        _ => (seconds.Value / 3600).ToString("0.0", CultureInfo.InvariantCulture) + " h",
    };

    public static string Percent(double? rate) =>
        rate is { } value ? (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    // Step attempts, named as such: how often the saga sent the step's command (a module's own retries are in its part).
    public static string StepAttempts(SagaDetails saga) =>
        (saga.MaxStepAttempts > 0 ? $"{saga.Attempts} of {saga.MaxStepAttempts}" : saga.Attempts.ToString(CultureInfo.InvariantCulture))
        + (saga.StepCommand is null ? "" : $" (the saga sent {saga.StepCommand} {(saga.Attempts == 1 ? "once" : $"{saga.Attempts} times")})");

    // The saga's status in plain words: what happened to the order, not "Compensated (cancellation requested)".
    public static string SagaStatus(SagaDetails saga) => saga.Status switch
    {
        Ordering.Contracts.SagaStatus.Completed => "Completed: the order went through every step",
        Ordering.Contracts.SagaStatus.Compensated => "Compensated: " + Why(saga) + "; everything it held was given back",
        Ordering.Contracts.SagaStatus.Compensating => "Compensating: " + Why(saga) + "; giving back what the order holds",
        Ordering.Contracts.SagaStatus.Failed => "Failed: a step did not finish; it waits for an operator" + (saga.CancelRequested ? " (the order is being cancelled)" : ""),
        _ => saga.Status + (saga.CancelRequested ? ": the order is being cancelled; it stops after the current step" : ""),
    };

    private static string Why(SagaDetails saga) => (saga.Outcome, saga.CancelRequested) switch
    {
        (SagaOutcome.Cancelled, _) or (null, true) => "the order was cancelled",
        (SagaOutcome.OutOfStock, _) => "the order was rejected, out of stock",
        (SagaOutcome.PaymentDeclined, _) => "the order was rejected, its payment declined",
        (SagaOutcome.PaymentFailed, _) => "the order was rejected, its payment failed",
        (SagaOutcome.RejectedInReview, _) => "the order was rejected in review",
        ({ } outcome, _) => $"the order ended {outcome}",
        _ => "the order did not go through",
    };

    public static string Money(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;
}
