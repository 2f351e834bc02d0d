namespace OrderManagement.BuildingBlocks.Messaging;

// Handles one message type for one module, inside that module's inbox transaction.
public interface IMessageHandler<in TMessage>
{
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
