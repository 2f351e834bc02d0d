using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging.Inbox;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

// Issue 17, fault 5: inbox tables stay bounded, and a row goes only when its message can never be delivered again.
public sealed class InboxPurgeTests
{
    [Fact]
    public async Task Given_old_and_recent_inbox_rows_When_purged_Then_only_old_rows_whose_message_no_outbox_holds_are_removed()
    {
        await using var host = await TestModuleHost.StartAsync();
        var (gone, scheduled, deadLettered, recent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await InsertInboxRowAsync(gone, TimeSpan.FromDays(8));
        await InsertInboxRowAsync(scheduled, TimeSpan.FromDays(8));
        await InsertInboxRowAsync(deadLettered, TimeSpan.FromDays(8));
        await InsertInboxRowAsync(recent, TimeSpan.FromHours(1));
        // Still deliverable: a row waiting for its (far) retry, and a dead letter an operator may replay.
        await InsertOutboxRowAsync(scheduled, availableIn: TimeSpan.FromDays(1), deadLettered: false);
        await InsertOutboxRowAsync(deadLettered, availableIn: TimeSpan.Zero, deadLettered: true);

        await host.Services.GetRequiredService<InboxPurge>().PurgeAsync(CancellationToken.None);

        (await InboxHoldsAsync(gone)).ShouldBeFalse("an old row whose message no outbox holds");
        (await InboxHoldsAsync(scheduled)).ShouldBeTrue("its message may still be delivered");
        (await InboxHoldsAsync(deadLettered)).ShouldBeTrue("its dead letter may still be replayed");
        (await InboxHoldsAsync(recent)).ShouldBeTrue("younger than Messaging:Inbox:Retention");
    }

    private static Task InsertInboxRowAsync(Guid messageId, TimeSpan age) =>
        ExecuteAsync("INSERT INTO bbtest.inbox_messages (message_id, consumer, handled_at) VALUES ($1, 'BbTest', now() - $2)", messageId, age);

    private static Task InsertOutboxRowAsync(Guid messageId, TimeSpan availableIn, bool deadLettered) =>
        ExecuteAsync(
            """
            INSERT INTO bbtest.outbox_messages (id, message_id, consumer, type, payload, occurred_at, available_at, dead_lettered_at)
            VALUES (gen_random_uuid(), $1, 'BbTest', 'bbtest.note-requested', '{"text":"purge"}', now(), now() + $2, CASE WHEN $3 THEN now() END)
            """, messageId, availableIn, deadLettered);

    private static async Task<bool> InboxHoldsAsync(Guid messageId)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM bbtest.inbox_messages WHERE message_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = messageId });
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    private static async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await command.ExecuteNonQueryAsync();
    }
}
