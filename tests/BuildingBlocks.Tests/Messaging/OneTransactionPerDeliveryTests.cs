using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

// ADR 0025: a delivery is one transaction on one connection: the claim of the outbox rows, the consumer's inbox rows,
// its effects and the claim's outcome commit together.
public sealed class OneTransactionPerDeliveryTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Given_a_delivery_whose_handler_is_running_When_the_database_is_asked_who_writes_Then_one_transaction_holds_the_claim_and_the_inbox_row()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(configure: s => s.AddSingleton(script));
        var text = $"one-transaction-{Guid.NewGuid()}";
        var hold = script.HoldSuccess(text);
        await host.PublishCommittedAsync(new NoteRequested(text));
        await script.Entered(text).WaitAsync(Soon);

        // The claim locked the outbox row (which gives its transaction an id) and the inbox row is written: each
        // transaction that has an id and is still open is one writer.
        var writers = await WritersAsync();

        hold.SetResult();
        writers.ShouldBe(1, "the claim and the handler must share one transaction (one connection, one commit)");
        await Poller.UntilAsync(async () => (await TestModuleDatabase.OutboxRowsAsync(text)).Count == 0, "the delivery to be recorded");
        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_group_with_a_failing_message_When_its_lane_delivers_it_Then_the_others_take_effect_and_the_failure_is_recorded_on_its_row()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(configure: s => s.AddSingleton(script));
        var texts = Enumerable.Range(0, 4).Select(i => $"group-{i}-{Guid.NewGuid()}").ToArray();
        script.FailAlways(texts[1]);

        await host.PublishCommittedAsync([.. texts.Select(t => new NoteRequested(t))]);

        var failed = await Poller.UntilAsync(async () => (await TestModuleDatabase.OutboxRowsAsync(texts[1])).SingleOrDefault(),
            r => r is { Attempts: >= 1 }, "the failed attempt to be recorded");
        failed!.LastError.ShouldBe($"InvalidOperationException: Scripted failure for '{texts[1]}'.");
        (await TestModuleDatabase.CountNotesAsync(texts[1])).ShouldBe(0);
        foreach (var text in texts.Where((_, i) => i != 1))
        {
            (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
            (await TestModuleDatabase.OutboxRowsAsync(text)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task Given_a_handler_that_publishes_a_message_When_its_delivery_commits_Then_the_lane_of_that_message_is_woken_at_once()
    {
        await using var host = await TestModuleHost.StartAsync(new Dictionary<string, string?> { ["Messaging:PollInterval"] = "00:00:10" });
        var text = $"relayed-{Guid.NewGuid()}";

        await host.PublishCommittedAsync(new NoteRelayed(text));

        // Two hops: the relay's own delivery, then the NoteRequested its handler published, which only the delivery's
        // commit can announce (the next poll is 10 s away).
        await Poller.UntilAsync(async () => await TestModuleDatabase.CountNotesAsync(text) == 1,
            "the relayed note well before the 10 s poll", TimeSpan.FromSeconds(3));
    }

    private static async Task<long> WritersAsync()
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
