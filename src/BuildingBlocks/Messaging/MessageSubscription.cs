namespace OrderManagement.BuildingBlocks.Messaging;

internal sealed record MessageSubscription(
    Type MessageType,
    string Consumer,
    Func<IServiceProvider, object, CancellationToken, Task> Invoke);
