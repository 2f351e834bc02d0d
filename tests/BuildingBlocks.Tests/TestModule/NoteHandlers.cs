using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

internal sealed class NoteRequestedHandler(TestModuleDbContext db, HandlerScript script) : IMessageHandler<NoteRequested>
{
    public async Task HandleAsync(NoteRequested message, CancellationToken cancellationToken)
    {
        await script.RunAsync(message.Text, cancellationToken);
        db.Notes.Add(new Note { Id = Guid.CreateVersion7(), Text = message.Text });
    }
}

internal sealed class NoteBroadcastHandler(TestModuleDbContext db) : IMessageHandler<NoteBroadcast>
{
    public Task HandleAsync(NoteBroadcast message, CancellationToken cancellationToken)
    {
        db.Notes.Add(new Note { Id = Guid.CreateVersion7(), Text = message.Text });
        return Task.CompletedTask;
    }
}

internal sealed class NoteRelayedHandler(OutboxPublisher<TestModuleDbContext> outbox) : IMessageHandler<NoteRelayed>
{
    public Task HandleAsync(NoteRelayed message, CancellationToken cancellationToken)
    {
        outbox.Publish(new NoteRequested(message.Text));
        return Task.CompletedTask;
    }
}

internal sealed class BrokenBroadcastHandler : IMessageHandler<NoteBroadcast>
{
    public Task HandleAsync(NoteBroadcast message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"The broken consumer always fails ('{message.Text}').");
}
