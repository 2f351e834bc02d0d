using MediatR;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;

// Adds a note and schedules a reminder a day later, so the reminder's outbox row stays visible to the test.
internal sealed class AddNoteHandler(TestModuleDbContext db, OutboxPublisher<TestModuleDbContext> outbox) : IRequestHandler<AddNoteCommand, Guid>
{
    public static readonly TimeSpan ReminderDelay = TimeSpan.FromDays(1);

    public async Task<Guid> Handle(AddNoteCommand command, CancellationToken cancellationToken)
    {
        var note = new Note { Id = Guid.CreateVersion7(), Text = command.Text };
        db.Notes.Add(note);
        outbox.Publish(new NoteReminder(command.Text), ReminderDelay);
        if (command.FailAfterSaving)
        {
            await db.SaveChangesAsync(cancellationToken);
            throw new InvalidOperationException("Scripted failure after saving.");
        }

        return note.Id;
    }
}
