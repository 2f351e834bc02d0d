using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Group locks that record which notes each group asked for, and how many of them already existed at that moment.
internal sealed class RecordingGroupLocks(TestModuleDbContext db, GroupLockLog log) : IMessageGroupLocks
{
    public async Task LockAsync(IReadOnlyList<object> messages, CancellationToken cancellationToken)
    {
        var texts = messages.OfType<NoteRequested>().Select(m => m.Text).ToArray();
        log.Calls.Enqueue((texts, await db.Notes.CountAsync(n => texts.Contains(n.Text), cancellationToken)));
    }
}

internal sealed class GroupLockLog
{
    public ConcurrentQueue<(string[] Texts, int NotesAlreadyWritten)> Calls { get; } = new();
}
