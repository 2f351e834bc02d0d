namespace OrderManagement.BuildingBlocks.Messaging;

// Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries spread out.
public static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var capped = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var jitter = (random ?? Random.Shared).NextDouble();
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * jitter);
    }
}
