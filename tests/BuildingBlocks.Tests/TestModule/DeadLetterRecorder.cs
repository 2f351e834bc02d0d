using System.Collections.Concurrent;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

internal sealed class DeadLetterRecorder : IDeadLetterListener
{
    private readonly ConcurrentQueue<DeadLetterNotice> _notices = new();

    public IReadOnlyList<DeadLetterNotice> Notices => [.. _notices];

    public Task OnDeadLetteredAsync(DeadLetterNotice notice, CancellationToken cancellationToken)
    {
        _notices.Enqueue(notice);
        return Task.CompletedTask;
    }
}
