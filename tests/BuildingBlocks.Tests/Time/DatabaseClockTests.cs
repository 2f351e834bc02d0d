using OrderManagement.BuildingBlocks.Time;

namespace OrderManagement.BuildingBlocks.Tests.Time;

// Found by build/skewed-host-test.sh: a host 5 minutes ahead read its own clock once before the first sample of the
// database's, and the never-backwards rule then held its clock 5 minutes ahead until real time caught up, so it dated
// outbox rows and deadlines into the future.
public sealed class DatabaseClockTests
{
    [Fact]
    public void Given_a_host_clock_5_minutes_ahead_read_before_the_first_sample_When_the_database_is_sampled_Then_the_clock_is_the_database_s()
    {
        var clock = new DatabaseClock(new ShiftedClock(TimeSpan.FromMinutes(5)));
        var beforeSample = clock.GetUtcNow();
        var database = TimeProvider.System.GetUtcNow();
        var at = TimeProvider.System.GetTimestamp();

        clock.Record(database, at, at);

        (beforeSample - database).ShouldBeGreaterThan(TimeSpan.FromMinutes(4), "before a sample the host's own clock is all there is");
        (clock.GetUtcNow() - database).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(5));
        clock.Skew!.Value.ShouldBeGreaterThan(TimeSpan.FromMinutes(4));
    }
}
