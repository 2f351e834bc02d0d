using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class ConcurrentDispatchTests
{
    private const int MessageCount = 200;

    private static readonly Dictionary<string, string?> SmallBatches = new()
    {
        ["Messaging:ConsumerGroupSize"] = "7",
        ["Messaging:DeliveryConcurrency"] = "3",
    };

    [Fact]
    public async Task Given_two_hosts_on_one_database_When_both_dispatch_one_outbox_Then_no_row_is_delivered_twice()
    {
        var log = new TickLog();
        await using var first = await TestModuleHost.StartAsync(SmallBatches, s => s.AddSingleton(log));
        await using var second = await TestModuleHost.StartAsync(SmallBatches, s => s.AddSingleton(log), reset: false);

        await first.PublishCommittedAsync([.. Enumerable.Range(0, MessageCount).Select(n => new Tick(n))]);
        // Besides both hosts' own dispatchers, drain the outbox from several callers at once.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => DrainAsync(DispatcherOf(i % 2 == 0 ? first : second))));
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountOutboxRowsAsync() == 0, "the outbox to be empty");

        log.Deliveries.Count.ShouldBe(MessageCount);
        log.Deliveries.Where(d => d.Value != 1).ShouldBeEmpty();
    }

    private static OutboxDispatcher DispatcherOf(ModuleTestHost host) =>
        host.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while (await dispatcher.DeliverOnceAsync(TestModuleHost.CounterConsumer, CancellationToken.None) > 0)
        {
        }
    }
}
