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

    public static string Money(decimal amount, string currency) => amount.ToString("0.00", CultureInfo.InvariantCulture) + " " + currency;
}
