using System.Collections.Concurrent;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.TestKit;

// Stands in for another module's contract: records every message of the types it is registered for.
public sealed class MessageRecorder
{
    private readonly ConcurrentQueue<object> _messages = new();

    public IReadOnlyList<T> Received<T>() => _messages.OfType<T>().ToList();

    internal void Add(object message) => _messages.Enqueue(message);

    public void Clear() => _messages.Clear();
}

public sealed class RecordingHandler<T>(MessageRecorder recorder) : IMessageHandler<T>
{
    public Task HandleAsync(T message, CancellationToken cancellationToken)
    {
        recorder.Add(message!);
        return Task.CompletedTask;
    }
}
