using MediatR;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;

internal sealed class AddNoteRequestedHandler(IMediator mediator) : IMessageHandler<AddNoteRequested>
{
    public Task HandleAsync(AddNoteRequested message, CancellationToken cancellationToken) =>
        mediator.Send(new AddNoteCommand(message.Text, [], message.FailAfterSaving), cancellationToken);
}
