namespace OrderManagement.BuildingBlocks.Observability;

// Every ActivitySource and Meter of the system is named under this prefix, so the SDK subscribes them with one wildcard.
public static class TelemetryNames
{
    public const string Prefix = "OrderManagement";
    public const string Wildcard = Prefix + ".*";
    public const string Messaging = Prefix + ".Messaging";
    public const string Api = Prefix + ".Api";

    // Histogram buckets in seconds for steps that take milliseconds on a good day and minutes when a provider hangs.
    public static readonly IReadOnlyList<double> DurationBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
}
