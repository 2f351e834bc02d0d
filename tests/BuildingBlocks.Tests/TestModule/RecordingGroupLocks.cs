using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Group locks that record which notes each group asked for, and how many of them already existed at that moment; the
// notes named in Busy stand for messages whose rows another transaction holds.
internal sealed class RecordingGroupLocks(TestModuleDbContext db, GroupLockLog log) : IMessageGroupLocks
{
    public async Task<IReadOnlySet<int>> LockAsync(IReadOnlyList<GroupMessage> messages, CancellationToken cancellationToken)
    {
        var texts = messages.Select(m => m.Message).OfType<NoteRequested>().Select(m => m.Text).ToArray();
        log.Calls.Enqueue((texts, await db.Notes.CountAsync(n => texts.Contains(n.Text), cancellationToken)));
        return Enumerable.Range(0, messages.Count).Where(i => messages[i].Message is NoteRequested note && log.Busy.Contains(note.Text)).ToHashSet();
    }
}

internal sealed class GroupLockLog
{
    public ConcurrentQueue<(string[] Texts, int NotesAlreadyWritten)> Calls { get; } = new();

    public HashSet<string> Busy { get; } = [];
}
