using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.TestKit;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class OutboxRetryTests
{
    [Fact]
    public async Task Given_a_handler_that_fails_twice_When_the_message_is_dispatched_Then_it_is_delivered_with_exactly_one_effect()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(configure: s => s.AddSingleton(script));
        var text = $"flaky-{Guid.NewGuid()}";
        script.Fail(text, times: 2);

        await host.PublishCommittedAsync(new NoteRequested(text));

        await Poller.UntilAsync(async () => (await TestModuleDatabase.OutboxRowsAsync(text)).Count == 0, "the delivery to complete");
        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_a_handler_that_failed_twice_When_the_third_attempt_is_under_way_Then_the_row_records_two_attempts_and_the_last_error()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(configure: s => s.AddSingleton(script));
        var text = $"flaky-{Guid.NewGuid()}";
        script.Fail(text, times: 2);
        var thirdAttempt = script.HoldSuccess(text);

        await host.PublishCommittedAsync(new NoteRequested(text));

        var row = await Poller.UntilAsync(
            async () => (await TestModuleDatabase.OutboxRowsAsync(text)).SingleOrDefault(),
            r => r is { Attempts: 2 }, "two failed attempts to be recorded");
        thirdAttempt.SetResult();
        row!.LastError.ShouldBe($"InvalidOperationException: Scripted failure for '{text}'.");
        row.DeadLetteredAt.ShouldBeNull();
    }

    [Fact]
    public async Task Given_a_handler_that_always_fails_When_max_attempts_are_used_up_Then_the_row_is_dead_lettered_and_kept()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "3" }, s => s.AddSingleton(script));
        var text = $"poison-{Guid.NewGuid()}";
        script.FailAlways(text);

        await host.PublishCommittedAsync(new NoteRequested(text));

        var row = await Poller.UntilAsync(
            async () => (await TestModuleDatabase.OutboxRowsAsync(text)).SingleOrDefault(),
            r => r?.DeadLetteredAt is not null, "the row to be dead-lettered");
        row!.Attempts.ShouldBe(3);
        row.LastError.ShouldBe($"InvalidOperationException: Scripted failure for '{text}'.");
        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(0);
    }

    [Fact]
    public async Task Given_a_dead_letter_listener_When_a_message_is_dead_lettered_Then_the_listener_is_told_which_message_and_why()
    {
        var script = new HandlerScript();
        var listener = new DeadLetterRecorder();
        await using var host = await TestModuleHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "2" },
            s => s.AddSingleton(script).AddSingleton<IDeadLetterListener>(listener));
        var text = $"poison-{Guid.NewGuid()}";
        script.FailAlways(text);

        await host.PublishCommittedAsync(new NoteRequested(text));

        var notices = await Poller.UntilAsync(() => Task.FromResult(listener.Notices), n => n.Count > 0, "the listener to be told");
        var notice = notices.ShouldHaveSingleItem();
        notice.Consumer.ShouldBe(TestModuleHost.Name);
        notice.MessageType.ShouldBe("bbtest.note-requested");
        notice.Payload.ShouldContain(text);
        notice.Error.ShouldBe($"InvalidOperationException: Scripted failure for '{text}'.");
    }

    [Fact]
    public async Task Given_a_handler_failing_because_the_node_turned_read_only_When_it_fails_more_often_than_max_attempts_Then_no_attempt_is_spent_and_it_is_delivered_once()
    {
        var script = new HandlerScript();
        await using var host = await TestModuleHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:MaxAttempts"] = "2" }, s => s.AddSingleton(script));
        var text = $"failover-{Guid.NewGuid()}";
        // 25006 read_only_sql_transaction: what a demoted primary answers while the standby is being promoted.
        script.FailWith(text, times: 4, () => new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", "25006"));

        await host.PublishCommittedAsync(new NoteRequested(text));

        // Dead-lettered after two attempts, the row would stay (with dead_lettered_at set) and no note would exist.
        await Poller.UntilAsync(async () => (await TestModuleDatabase.OutboxRowsAsync(text)).Count == 0, "the delivery to complete");
        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
    }
}
