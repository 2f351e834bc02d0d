using System.Diagnostics;
using System.Diagnostics.Metrics;
using OrderManagement.BuildingBlocks.Observability;

namespace OrderManagement.Payments.Provider;

// Duration and outcome of every call to the payment provider: the one dependency outside our control.
internal sealed class ProviderMetrics
{
    private readonly Histogram<double> _duration;

    public ProviderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetryNames.Prefix + ".Payments");
        _duration = meter.CreateHistogram("oms.payment.provider.call.duration", "s",
            "Payment provider calls, by operation (authorize, capture, void) and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
    }

    // Outcomes: approved, declined, succeeded (capture, void), timeout, unavailable, error.
    public async ValueTask<T> MeasureAsync<T>(string operation, Func<ValueTask<T>> call, Func<T, string> outcome)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await call();
            Record(operation, outcome(result), started);
            return result;
        }
        catch (Exception ex)
        {
            Record(operation, OutcomeOf(ex), started);
            throw;
        }
    }

    private void Record(string operation, string outcome, long started) =>
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds,
            new KeyValuePair<string, object?>("oms.payment.operation", operation),
            new KeyValuePair<string, object?>("oms.payment.outcome", outcome));

    private static string OutcomeOf(Exception exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException => "timeout",
        PaymentProviderUnavailableException => "unavailable",
        _ => "error",
    };
}
