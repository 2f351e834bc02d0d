using OrderManagement.Ordering.Webhooks;

namespace OrderManagement.Ordering.Tests.Webhooks;

public sealed class WebhookBackoffTests
{
    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(3, 2000, 4000)]
    [InlineData(10, 2500, 5000)]
    [InlineData(1000, 2500, 5000)]
    public void Given_an_attempt_Then_the_delay_doubles_from_the_base_up_to_the_cap_with_jitter(int attempt, int lowestMs, int highestMs)
    {
        var options = new WebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(1), RetryMaxDelay = TimeSpan.FromSeconds(5) };
        for (var i = 0; i < 200; i++)
        {
            var delay = WebhookCall.Backoff(attempt, options).TotalMilliseconds;
            delay.ShouldBeInRange(lowestMs, highestMs);
        }
    }
}
