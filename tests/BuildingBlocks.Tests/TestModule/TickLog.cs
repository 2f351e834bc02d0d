using System.Collections.Concurrent;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Counts every delivery of every tick; shared by all hosts in a test, so a row delivered twice counts twice.
internal sealed class TickLog
{
    private readonly ConcurrentDictionary<int, int> _deliveries = new();

    public int Total => _deliveries.Values.Sum();

    public IReadOnlyDictionary<int, int> Deliveries => _deliveries;

    public void Add(int number) => _deliveries.AddOrUpdate(number, 1, (_, count) => count + 1);
}

internal sealed class TickHandler(TickLog log) : IMessageHandler<Tick>
{
    public async Task HandleAsync(Tick message, CancellationToken cancellationToken)
    {
        log.Add(message.Number);
        // A little work, so claims of concurrent dispatchers overlap in time.
        await Task.Delay(2, cancellationToken);
    }
}
