using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Operations;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations;

// What a dead letter's replay records, shared by the replay itself and its preview, and why a letter cannot be replayed.
internal sealed class DeadLetterReplays(OperatorAuditLog audit, DeadLetterStore store)
{
    public const string AuditAction = "ReplayDeadLetter";

    // The audit entry's detail names the letter this way, so a later replay of it can be told who replayed it.
    public static string AuditDetail(DeadLetterView letter) =>
        $"{letter.MessageType} to {letter.Module} is back in line with fresh attempts {Marker(letter.Id)}.";

    // Notes the replay in the order's history when the letter concerns an order (nothing is saved here); false when it
    // concerns none.
    public static async Task<bool> RecordAsync(OrderingDbContext db, HistoryLog<OrderingDbContext> history, DeadLetter letter, string actor, string reason,
        CancellationToken cancellationToken)
    {
        if (MessagePayloads.OrderIdOf(letter.Payload) is not { } orderId || !await db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            return false;
        }

        history.Record(orderId, "Operator", letter.Id, "DeadLetterReplayed", null, null,
            $"{letter.MessageType} to {letter.Module} replayed by {actor}: {reason}");
        return true;
    }

    // A letter no module holds as a dead letter: replayed before (the audit says by whom, when and why), or never one.
    public async Task<Exception> NotReplayableAsync(Guid id, CancellationToken cancellationToken) =>
        await audit.LatestAsync(AuditAction, Marker(id), cancellationToken) is { } earlier
            ? new ConflictException(
                $"Dead letter {id} was already replayed by {earlier.Operator} at {StallDetection.Time(earlier.OccurredAt)}" +
                (earlier.Reason is null ? "" : $" (reason: {earlier.Reason})") +
                ", so it is no longer a dead letter and there is nothing to replay. Its order's timeline shows what happened since; " +
                "if its delivery fails again, it is listed among the dead letters again and can be replayed then.",
                "dead-letter-already-replayed")
            : new NotFoundException("Dead letter", id.ToString());

    // A moot letter (its order is past what it would have led to; the console lists it under Moot and offers no replay)
    // is refused by the API and the console alike (issue 11, L1): replaying it would ask for something the order no
    // longer waits for. Null when the letter still needs a decision.
    public async Task<ConflictException?> MootRefusalAsync(DeadLetter letter, CancellationToken cancellationToken) =>
        await store.WhyMootAsync(letter, cancellationToken) is { } why
            ? new ConflictException(
                $"Dead letter {letter.Id} was not replayed: {Lowered(why)} Nothing changed; it is listed under Moot among the dead letters " +
                "and can be left there (its order's timeline shows how the order got past that step).",
                MootCode)
            : null;

    public const string MootCode = "dead-letter-moot";

    private static string Lowered(string why) => why.StartsWith("Moot: ", StringComparison.Ordinal) ? why["Moot: ".Length..] : why;

    private static string Marker(Guid id) => $"(dead letter {id})";
}
