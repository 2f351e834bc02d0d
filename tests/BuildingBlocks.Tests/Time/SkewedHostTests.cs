using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.BuildingBlocks.Time;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Time;

// Issue 17 fault 3: a second host whose clock is 5 minutes ahead shares the database. What decides when a message
// runs is the database's clock, so that host does not send a scheduled message early, and its readiness says its
// clock is off.
public sealed class SkewedHostTests
{
    private static readonly TimeSpan Ahead = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Given_a_host_whose_clock_is_5_minutes_ahead_When_another_host_schedules_a_message_Then_it_is_not_sent_early_and_the_skewed_host_is_not_ready()
    {
        await using var punctual = await TestModuleHost.StartAsync();
        await Dispatchers.Of(punctual.Services, TestModuleHost.Name).StopAsync(CancellationToken.None);
        await using var ahead = await TestModuleHost.StartAsync(reset: false,
            configure: s => s.AddKeyedSingleton<TimeProvider>(HostClock.Key, new ShiftedClock(Ahead)));
        var delayed = $"delayed-{Guid.NewGuid()}";
        var marker = $"marker-{Guid.NewGuid()}";

        await punctual.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestModuleDbContext>();
            var outbox = sp.GetRequiredService<OutboxPublisher<TestModuleDbContext>>();
            outbox.Publish(new NoteRequested(delayed), Delay);
            return await db.SaveChangesAsync();
        });
        await punctual.PublishCommittedAsync(new NoteRequested(marker));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(marker) == 1, "the marker note, delivered by the host that is ahead");
        (await TestModuleDatabase.CountNotesAsync(delayed)).ShouldBe(0, "the message is due in a minute of the database's time");
        var report = await ahead.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        var clock = report.Entries["clock"];
        clock.Status.ShouldBe(HealthStatus.Unhealthy);
        clock.Description.ShouldNotBeNull().ShouldContain("s ahead of the database's clock");
        ahead.Services.GetRequiredService<DatabaseClock>().Skew.ShouldNotBeNull().ShouldBe(Ahead, TimeSpan.FromSeconds(1));
        (await punctual.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["clock"].Status.ShouldBe(HealthStatus.Healthy);
    }
}
