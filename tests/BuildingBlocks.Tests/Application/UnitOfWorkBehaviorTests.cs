using OrderManagement.BuildingBlocks.Tests.TestModule;
using OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;

namespace OrderManagement.BuildingBlocks.Tests.Application;

public sealed class UnitOfWorkBehaviorTests
{
    [Fact]
    public async Task Given_a_command_of_the_module_When_its_handler_succeeds_Then_the_aggregate_and_its_outbox_row_are_committed_together()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"saved-{Guid.NewGuid()}";

        await host.SendAsync(new AddNoteCommand(text, [new NoteLine("A-1", 1)]));

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
        var row = (await TestModuleDatabase.OutboxRowsAsync(text)).ShouldHaveSingleItem();
        row.Type.ShouldBe("bbtest.note-reminder");
        row.Consumer.ShouldBe(TestModuleHost.AuditConsumer);
    }

    [Fact]
    public async Task Given_a_command_handler_that_saves_then_throws_When_the_command_is_sent_Then_neither_the_aggregate_nor_the_outbox_row_is_kept()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"failed-{Guid.NewGuid()}";

        await Should.ThrowAsync<InvalidOperationException>(() => host.SendAsync(new AddNoteCommand(text, [], FailAfterSaving: true)));

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(0);
        (await TestModuleDatabase.OutboxRowsAsync(text)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_message_handler_that_sends_a_command_When_the_message_is_redelivered_Then_the_commands_writes_happen_once()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"joined-{Guid.NewGuid()}";
        var messageId = Guid.NewGuid();
        await host.DeliverAsync(new AddNoteRequested(text, FailAfterSaving: false), TestModuleHost.Name, messageId);

        await host.DeliverAsync(new AddNoteRequested(text, FailAfterSaving: false), TestModuleHost.Name, messageId);

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
        (await TestModuleDatabase.OutboxRowsAsync(text)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Given_a_command_failing_inside_a_message_handler_When_the_message_is_redelivered_Then_it_runs_again_with_no_trace_of_the_failed_try()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"joined-{Guid.NewGuid()}";
        var messageId = Guid.NewGuid();
        await Should.ThrowAsync<InvalidOperationException>(
            () => host.DeliverAsync(new AddNoteRequested(text, FailAfterSaving: true), TestModuleHost.Name, messageId));

        await host.DeliverAsync(new AddNoteRequested(text, FailAfterSaving: false), TestModuleHost.Name, messageId);

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
        (await TestModuleDatabase.OutboxRowsAsync(text)).ShouldHaveSingleItem();
    }
}
