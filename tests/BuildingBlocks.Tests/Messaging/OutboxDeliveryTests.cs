using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class OutboxDeliveryTests
{
    [Fact]
    public async Task Given_a_message_published_in_a_committed_transaction_When_the_dispatcher_runs_Then_its_handler_effect_is_visible()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"committed-{Guid.NewGuid()}";

        await host.PublishCommittedAsync(new NoteRequested(text));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(text) == 1, "the note to be added");
    }

    [Fact]
    public async Task Given_a_committed_message_When_it_has_been_delivered_Then_its_outbox_row_is_removed()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"committed-{Guid.NewGuid()}";

        await host.PublishCommittedAsync(new NoteRequested(text));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(text) == 1, "the note to be added");
        await Poller.UntilAsync(async () => (await TestModuleDatabase.OutboxRowsAsync(text)).Count == 0, "the outbox row to be removed");
    }

    [Fact]
    public async Task Given_a_long_poll_interval_When_a_transaction_with_a_message_commits_Then_the_dispatcher_is_woken_and_delivers_at_once()
    {
        await using var host = await TestModuleHost.StartAsync(new Dictionary<string, string?> { ["Messaging:PollInterval"] = "00:00:10" });
        var text = $"woken-{Guid.NewGuid()}";

        await host.PublishCommittedAsync(new NoteRequested(text));

        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(text) == 1,
            "the note to be added well before the 10 s poll", TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Given_a_message_published_in_a_rolled_back_transaction_When_later_messages_are_delivered_Then_it_is_never_delivered()
    {
        await using var host = await TestModuleHost.StartAsync();
        var rolledBack = $"rolled-back-{Guid.NewGuid()}";
        var marker = $"marker-{Guid.NewGuid()}";

        await host.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TestModuleDbContext>();
            var outbox = sp.GetRequiredService<OutboxPublisher<TestModuleDbContext>>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            outbox.Publish(new NoteRequested(rolledBack));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return true;
        });
        // Anything committed before the marker would be delivered no later than the marker.
        await host.PublishCommittedAsync(new NoteRequested(marker));
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(marker) == 1, "the marker note");

        (await TestModuleDatabase.CountNotesAsync(rolledBack)).ShouldBe(0);
        (await TestModuleDatabase.OutboxRowsAsync(rolledBack)).ShouldBeEmpty();
    }
}
