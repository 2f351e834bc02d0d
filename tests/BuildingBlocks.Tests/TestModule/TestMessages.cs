namespace OrderManagement.BuildingBlocks.Tests.TestModule;

// Handled by the test module itself: adds a note.
internal sealed record NoteRequested(string Text);

// Consumed by the test module and by a consumer that always fails.
internal sealed record NoteBroadcast(string Text);

// Consumed only by a counting fake consumer (no inbox), so every delivery is visible.
internal sealed record Tick(int Number);

// Handled by the test module by sending its AddNote command, as integration-event handlers do.
internal sealed record AddNoteRequested(string Text, bool FailAfterSaving);

// Handled by the test module by publishing NoteRequested for the same text, in its delivery's transaction.
internal sealed record NoteRelayed(string Text);

// Published (delayed) by the AddNote command; recorded by a fake consumer.
internal sealed record NoteReminder(string Text);

internal static class TestMessages
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(NoteRequested)] = "bbtest.note-requested",
        [typeof(NoteBroadcast)] = "bbtest.note-broadcast",
        [typeof(Tick)] = "bbtest.tick",
        [typeof(NoteReminder)] = "bbtest.note-reminder",
        [typeof(AddNoteRequested)] = "bbtest.add-note-requested",
        [typeof(NoteRelayed)] = "bbtest.note-relayed",
    };
}
