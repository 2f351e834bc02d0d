using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class DelayedMessageTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Given_a_delayed_message_When_its_available_at_has_not_come_Then_it_is_not_delivered()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await TestModuleHost.StartAsync(configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var delayed = $"delayed-{Guid.NewGuid()}";
        var marker = $"marker-{Guid.NewGuid()}";

        await PublishDelayedAsync(host, new NoteRequested(delayed));
        clock.Advance(Delay - TimeSpan.FromSeconds(1));
        // Delivered after a dispatch that started once the delayed row was committed.
        await host.PublishCommittedAsync(new NoteRequested(marker));
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(marker) == 1, "the marker note");

        (await TestModuleDatabase.CountNotesAsync(delayed)).ShouldBe(0);
        var row = (await TestModuleDatabase.OutboxRowsAsync(delayed)).ShouldHaveSingleItem();
        row.Attempts.ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_delayed_message_When_its_available_at_has_passed_Then_it_is_delivered()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await TestModuleHost.StartAsync(configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var delayed = $"delayed-{Guid.NewGuid()}";
        await PublishDelayedAsync(host, new NoteRequested(delayed));

        clock.Advance(Delay);

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(delayed) == 1, "the delayed note");
    }

    [Fact]
    public async Task Given_a_delayed_message_When_published_Then_its_row_is_available_after_the_delay()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await TestModuleHost.StartAsync(configure: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var delayed = $"delayed-{Guid.NewGuid()}";

        await PublishDelayedAsync(host, new NoteRequested(delayed));

        var row = (await TestModuleDatabase.OutboxRowsAsync(delayed)).ShouldHaveSingleItem();
        row.AvailableAt.ShouldBe(clock.GetUtcNow() + Delay, TimeSpan.FromMilliseconds(1));
    }

    private static Task PublishDelayedAsync(ModuleTestHost host, object message) =>
        host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestModuleDbContext>();
            var outbox = sp.GetRequiredService<OutboxPublisher<TestModuleDbContext>>();
            outbox.Publish(message, Delay);
            return await db.SaveChangesAsync();
        });
}
