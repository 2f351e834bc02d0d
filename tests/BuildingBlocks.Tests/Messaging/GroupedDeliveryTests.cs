using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class GroupedDeliveryTests
{
    [Fact]
    public async Task Given_several_messages_for_one_module_When_delivered_as_a_group_Then_all_take_effect_in_one_transaction()
    {
        await using var host = await TestModuleHost.StartAsync();
        var texts = Texts("grouped", 5);

        var errors = await DeliverGroupAsync(host, texts.Select(t => Envelope(host, new NoteRequested(t))).ToArray());

        errors.ShouldAllBe(e => e == null);
        foreach (var text in texts)
        {
            (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
        }

        (await TestModuleDatabase.CountTransactionsOfNotesAsync(texts)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_group_with_one_failing_message_When_delivered_Then_the_others_take_effect_and_only_that_one_reports_its_error()
    {
        await using var host = await TestModuleHost.StartAsync();
        var texts = Texts("one-fails", 4);
        host.Services.GetRequiredService<HandlerScript>().FailAlways(texts[2]);

        var errors = await DeliverGroupAsync(host, texts.Select(t => Envelope(host, new NoteRequested(t))).ToArray());

        errors[2].ShouldNotBeNull().Message.ShouldBe($"Scripted failure for '{texts[2]}'.");
        errors.Where((_, i) => i != 2).ShouldAllBe(e => e == null);
        (await TestModuleDatabase.CountNotesAsync(texts[2])).ShouldBe(0);
        foreach (var text in texts.Where((_, i) => i != 2))
        {
            (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Given_a_group_with_one_failing_message_When_that_message_is_delivered_again_Then_it_takes_effect_once()
    {
        await using var host = await TestModuleHost.StartAsync();
        var texts = Texts("retry-after-group", 3);
        host.Services.GetRequiredService<HandlerScript>().Fail(texts[1], 1);
        var envelopes = texts.Select(t => Envelope(host, new NoteRequested(t))).ToArray();
        await DeliverGroupAsync(host, envelopes);

        var errors = await DeliverGroupAsync(host, envelopes);

        errors.ShouldAllBe(e => e == null);
        foreach (var text in texts)
        {
            (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task Given_a_message_twice_in_one_group_and_one_already_handled_When_delivered_Then_each_message_has_one_effect()
    {
        await using var host = await TestModuleHost.StartAsync();
        var texts = Texts("duplicates", 2);
        var first = Envelope(host, new NoteRequested(texts[0]));
        var second = Envelope(host, new NoteRequested(texts[1]));
        await host.Services.GetRequiredService<MessageConsumer>().HandleAsync(first, CancellationToken.None);

        var errors = await DeliverGroupAsync(host, first, second, second);

        errors.ShouldAllBe(e => e == null);
        (await TestModuleDatabase.CountNotesAsync(texts[0])).ShouldBe(1);
        (await TestModuleDatabase.CountNotesAsync(texts[1])).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_consumer_with_group_locks_When_a_group_is_delivered_Then_the_locks_get_its_messages_before_any_handler_runs()
    {
        var locks = new GroupLockLog();
        await using var host = await TestModuleHost.StartAsync(
            configure: s => s.AddSingleton(locks).AddMessageGroupLocks<RecordingGroupLocks>(TestModuleHost.Name));
        var texts = Texts("locked-group", 3);

        var errors = await DeliverGroupAsync(host, texts.Select(t => Envelope(host, new NoteRequested(t))).ToArray());

        errors.ShouldAllBe(e => e == null);
        var call = locks.Calls.ShouldHaveSingleItem();
        call.Texts.ShouldBe(texts);
        call.NotesAlreadyWritten.ShouldBe(0);
        (await TestModuleDatabase.CountTransactionsOfNotesAsync(texts)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_group_locks_that_find_one_messages_rows_busy_When_the_group_is_delivered_Then_it_is_left_out_unrecorded_and_the_rest_commit_together()
    {
        var locks = new GroupLockLog();
        await using var host = await TestModuleHost.StartAsync(
            configure: s => s.AddSingleton(locks).AddMessageGroupLocks<RecordingGroupLocks>(TestModuleHost.Name));
        var texts = Texts("busy-group", 3);
        locks.Busy.Add(texts[1]);
        var envelopes = texts.Select(t => Envelope(host, new NoteRequested(t))).ToArray();

        var errors = await DeliverGroupAsync(host, envelopes);

        errors[0].ShouldBeNull();
        errors[1].ShouldBeOfType<RowsBusyException>();
        LockContention.Caused(errors[1]!).ShouldBeTrue("a busy row is not a failed attempt");
        errors[2].ShouldBeNull();
        (await TestModuleDatabase.CountNotesAsync(texts[1])).ShouldBe(0);
        (await TestModuleDatabase.CountTransactionsOfNotesAsync([texts[0], texts[2]])).ShouldBe(1);

        // Not in the inbox: delivered again once its rows are free, it takes effect.
        locks.Busy.Clear();
        (await DeliverGroupAsync(host, envelopes[1], Envelope(host, new NoteRequested(Texts("busy-group-later", 1)[0])))).ShouldAllBe(e => e == null);
        (await TestModuleDatabase.CountNotesAsync(texts[1])).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_group_undone_by_a_lock_wait_When_its_messages_are_taken_one_at_a_time_Then_those_that_meet_the_lock_do_not_wait_for_it_again()
    {
        var lockWait = TimeSpan.FromSeconds(2);
        await using var host = await TestModuleHost.StartAsync(new Dictionary<string, string?> { ["Messaging:LockTimeout"] = lockWait.ToString() });
        var envelopes = Texts("lock-wait", 8).Select(t => Envelope(host, new NoteRequested(t))).ToArray();

        // Another transaction has inserted, and not yet committed, the inbox rows of the first three: their inserts wait for it.
        await using var other = new NpgsqlConnection(host.ConnectionString);
        await other.OpenAsync();
        await using var holding = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO {TestModuleDbContext.SchemaName}.inbox_messages (message_id, consumer, handled_at) SELECT unnest($1), $2, now()", other, holding))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = envelopes.Take(3).Select(e => e.MessageId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = TestModuleHost.Name });
            await insert.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var errors = await DeliverGroupAsync(host, envelopes);
        clock.Stop();
        await holding.RollbackAsync();

        errors.Take(3).ShouldAllBe(e => e != null && LockContention.Caused(e));
        errors.Skip(3).ShouldAllBe(e => e == null);
        // The group waits once; waiting again for each of the three would take four waits (8 s).
        clock.Elapsed.ShouldBeLessThan(lockWait * 2.5);
    }

    [Fact]
    public async Task Given_a_module_taking_one_message_per_transaction_When_asked_its_group_size_Then_it_is_one()
    {
        await using var host = await TestModuleHost.StartAsync(delivery: MessageDelivery.OneByOne);
        var consumer = host.Services.GetRequiredService<MessageConsumer>();

        consumer.GroupSizeFor(TestModuleHost.Name).ShouldBe(1);
        consumer.GroupSizeFor(TestModuleHost.CounterConsumer).ShouldBe(50);
    }

    private static string[] Texts(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => $"{prefix}-{i}-{Guid.NewGuid()}").ToArray();

    private static OutboxEnvelope Envelope<T>(ModuleTestHost host, T message) where T : notnull =>
        new(Guid.NewGuid(), Guid.NewGuid(), TestModuleHost.Name, host.Services.GetRequiredService<MessageTypeMap>().NameOf(typeof(T)),
            JsonSerializer.Serialize(message, MessageSerializer.Options), 0, CorrelationContext.NewId(), null);

    private static Task<Exception?[]> DeliverGroupAsync(ModuleTestHost host, params OutboxEnvelope[] envelopes) =>
        host.Services.GetRequiredService<MessageConsumer>().HandleGroupAsync(TestModuleHost.Name, envelopes, CancellationToken.None);
}
