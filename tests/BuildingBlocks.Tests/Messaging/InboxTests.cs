using OrderManagement.BuildingBlocks.Tests.TestModule;

namespace OrderManagement.BuildingBlocks.Tests.Messaging;

public sealed class InboxTests
{
    [Fact]
    public async Task Given_a_message_already_handled_When_it_is_delivered_again_with_the_same_id_Then_it_has_one_effect()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"duplicate-{Guid.NewGuid()}";
        var messageId = Guid.NewGuid();
        await host.DeliverAsync(new NoteRequested(text), TestModuleHost.Name, messageId);

        await host.DeliverAsync(new NoteRequested(text), TestModuleHost.Name, messageId);

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(1);
    }

    [Fact]
    public async Task Given_two_messages_with_equal_content_When_delivered_with_different_ids_Then_each_has_its_effect()
    {
        await using var host = await TestModuleHost.StartAsync();
        var text = $"twice-{Guid.NewGuid()}";
        await host.DeliverAsync(new NoteRequested(text), TestModuleHost.Name, Guid.NewGuid());

        await host.DeliverAsync(new NoteRequested(text), TestModuleHost.Name, Guid.NewGuid());

        (await TestModuleDatabase.CountNotesAsync(text)).ShouldBe(2);
    }
}
