using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(9, 256)]
    public void Given_no_jitter_When_attempts_grow_Then_the_delay_doubles_each_attempt(int attempt, int expectedSeconds)
    {
        var delay = RetryBackoff.Delay(attempt, Base, Max, new FixedRandom(0.9999999999));

        delay.TotalSeconds.ShouldBe(expectedSeconds, tolerance: 0.001);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Given_many_attempts_When_the_delay_is_computed_Then_it_is_capped_at_the_maximum(int attempt)
    {
        var delay = RetryBackoff.Delay(attempt, Base, Max, new FixedRandom(0.9999999999));

        delay.TotalSeconds.ShouldBe(Max.TotalSeconds, tolerance: 0.001);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Given_an_attempt_below_one_When_the_delay_is_computed_Then_it_is_the_base_delay(int attempt)
    {
        var delay = RetryBackoff.Delay(attempt, Base, Max, new FixedRandom(0.9999999999));

        delay.TotalSeconds.ShouldBe(Base.TotalSeconds, tolerance: 0.001);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(50)]
    public void Given_random_jitter_When_the_delay_is_computed_Then_it_lies_between_half_the_delay_and_the_delay(int attempt)
    {
        var full = TimeSpan.FromMilliseconds(Math.Min(Base.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)), Max.TotalMilliseconds));
        var random = new Random(attempt);

        var delays = Enumerable.Range(0, 1000).Select(_ => RetryBackoff.Delay(attempt, Base, Max, random)).ToList();

        delays.ShouldAllBe(d => d >= full / 2 && d <= full);
    }

    [Fact]
    public void Given_random_jitter_When_many_delays_are_computed_Then_they_spread_over_the_range()
    {
        var random = new Random(7);

        var delays = Enumerable.Range(0, 1000).Select(_ => RetryBackoff.Delay(3, Base, Max, random)).ToList();

        delays.Min().ShouldBeLessThan(TimeSpan.FromSeconds(2.2));
        delays.Max().ShouldBeGreaterThan(TimeSpan.FromSeconds(3.8));
    }

    [Fact]
    public void Given_the_smallest_jitter_When_the_delay_is_computed_Then_it_is_half_the_delay()
    {
        var delay = RetryBackoff.Delay(3, Base, Max, new FixedRandom(0));

        delay.ShouldBe(TimeSpan.FromSeconds(2));
    }

    private sealed class FixedRandom(double sample) : Random
    {
        public override double NextDouble() => sample;
    }
}
