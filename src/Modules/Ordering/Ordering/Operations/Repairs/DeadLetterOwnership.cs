using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations.Repairs;

// Whether a dead letter named on an order's page is one of that order's messages: a form sent by hand must not preview
// or replay another order's letter from this order's page (issue 11, defect E).
internal sealed class DeadLetterOwnership(DeadLetterStore deadLetters, OutboxInspector outboxes, OrderingDbContext db)
{
    // Null when the letter is about this order: dead, back in line, or replayed before (its order's history says so).
    public async Task<string?> RefusalAsync(Guid orderId, Guid deadLetterId, CancellationToken cancellationToken)
    {
        if ((await outboxes.AboutOrderAsync(orderId, cancellationToken)).Any(m => m.Id == deadLetterId)
            || await db.History.AnyAsync(h => h.OrderId == orderId && h.SubjectId == deadLetterId, cancellationToken))
        {
            return null;
        }

        var owner = await deadLetters.GetAsync(deadLetterId, cancellationToken) is { } letter ? MessagePayloads.OrderIdOf(letter.Payload) : null;
        return owner is { } other
            ? $"Dead letter {deadLetterId} is not about order {orderId}: it is about order {other}. Nothing was previewed or replayed; " +
              $"replay it from that order's page (/ops/orders/{other}) or from the dead letters."
            : $"Dead letter {deadLetterId} is not one of order {orderId}'s messages. Nothing was previewed or replayed; this order's " +
              "dead letters are listed under its messages, each with its own Replay button.";
    }
}
