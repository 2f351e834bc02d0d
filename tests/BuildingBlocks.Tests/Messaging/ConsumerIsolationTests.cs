using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class ConsumerIsolationTests
{
    [Fact]
    public async Task Given_two_consumers_of_one_message_When_one_always_fails_Then_the_other_still_receives_it()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"broadcast-{Guid.NewGuid()}";

        await host.PublishCommittedAsync(new NoteBroadcast(text));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(text) == 1, "the healthy consumer's note");
    }

    [Fact]
    public async Task Given_two_consumers_of_one_message_When_one_always_fails_Then_only_the_failing_consumers_delivery_stays_pending()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"broadcast-{Guid.NewGuid()}";

        await host.PublishCommittedAsync(new NoteBroadcast(text));

        var rows = await Poller.UntilAsync(() => TestModuleDatabase.OutboxRowsAsync(text),
            r => r is [{ Attempts: >= 2 }], "only the failing consumer's row, retried");
        rows[0].Consumer.ShouldBe(TestModuleHost.BrokenConsumer);
        rows[0].LastError.ShouldBe($"InvalidOperationException: The broken consumer always fails ('{text}').");
    }
}
