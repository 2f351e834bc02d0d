using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

// Each consumer of an outbox has its own lane: a delivery that waits holds up neither another consumer's messages
// nor its own consumer's other messages, up to that consumer's bound on deliveries in flight.
public sealed class DeliveryLaneTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    // One message per delivery, two deliveries in flight per consumer.
    private static readonly Dictionary<string, string?> TwoInFlight = new()
    {
        ["Messaging:DeliveryConcurrency"] = "2",
        ["Messaging:ConsumerGroupSize"] = "1",
    };

    [Fact]
    public async Task Given_a_delivery_that_blocks_When_another_consumer_of_the_same_outbox_gets_a_message_Then_it_is_delivered_meanwhile()
    {
        var script = new HandlerScript();
        var log = new TickLog();
        await using var host = await TestModuleHost.StartAsync(TwoInFlight, s => s.AddSingleton(script).AddSingleton(log));
        var blocked = $"blocked-{Guid.NewGuid()}";
        var hold = script.HoldSuccess(blocked);
        await host.PublishCommittedAsync(new NoteRequested(blocked));
        await script.Entered(blocked).WaitAsync(Soon);

        await host.PublishCommittedAsync(new Tick(1));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountOutboxRowsAsync() == 1,
            "the other consumer's delivery to be recorded while the first one blocks", Soon);
        log.Deliveries[1].ShouldBe(1);
        (await TestModuleDatabase.CountNotesAsync(blocked)).ShouldBe(0);
        hold.SetResult();
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(blocked) == 1, "the blocked note once released");
    }

    [Fact]
    public async Task Given_a_delivery_that_blocks_When_its_consumer_gets_another_message_within_its_bound_Then_that_one_is_delivered_meanwhile()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(TwoInFlight, s => s.AddSingleton(script));
        var blocked = $"blocked-{Guid.NewGuid()}";
        var next = $"next-{Guid.NewGuid()}";
        var hold = script.HoldSuccess(blocked);
        await host.PublishCommittedAsync(new NoteRequested(blocked));
        await script.Entered(blocked).WaitAsync(Soon);

        await host.PublishCommittedAsync(new NoteRequested(next));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(next) == 1,
            "the consumer's next message to take effect while its first one blocks", Soon);
        (await TestModuleDatabase.CountNotesAsync(blocked)).ShouldBe(0);
        hold.SetResult();
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(blocked) == 1, "the blocked note once released");
    }

    [Fact]
    public async Task Given_a_consumer_with_as_many_blocked_deliveries_as_its_bound_When_another_message_arrives_Then_it_starts_only_when_one_finishes()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(TwoInFlight, s => s.AddSingleton(script));
        var texts = Enumerable.Range(0, 3).Select(i => $"bounded-{i}-{Guid.NewGuid()}").ToArray();
        var holds = texts.Select(script.HoldSuccess).ToArray();
        await host.PublishCommittedAsync(new NoteRequested(texts[0]));
        await host.PublishCommittedAsync(new NoteRequested(texts[1]));
        await Task.WhenAll(script.Entered(texts[0]), script.Entered(texts[1])).WaitAsync(Soon);

        await host.PublishCommittedAsync(new NoteRequested(texts[2]));

        // A bound is proved by something not happening: a second is several claims and polls of the test host.
        var third = script.Entered(texts[2]);
        (await Task.WhenAny(third, Task.Delay(TimeSpan.FromSeconds(1)))).ShouldNotBe(third, "a third delivery started beyond the bound of 2");
        holds[0].SetResult();
        await third.WaitAsync(Soon);
        holds[1].SetResult();
        holds[2].SetResult();
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountOutboxRowsAsync() == 0, "every note to be delivered");
    }
}
