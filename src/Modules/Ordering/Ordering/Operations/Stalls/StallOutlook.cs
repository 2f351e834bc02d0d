using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Operations.Stalls;

// What may still move a stalled order on without an operator, read when the stall is reported: the payment Payments is
// still retrying, and the messages about the order still in line (the saga's own deadline aside: the saga says when
// that is due). A failed saga is "stuck for good" only when none of these is left.
internal sealed record StallOutlook(int MaxStepAttempts, PaymentSnapshot? Payment, IReadOnlyList<PendingMessage> InLine, int DeadLetters);

internal sealed class StallOutlooks(IPaymentQueries payments, OutboxInspector outboxes, MessageTypeMap types, IOptionsMonitor<FulfilmentOptions> fulfilment)
{
    public async Task<StallOutlook> ForAsync(SagaWait wait, CancellationToken cancellationToken)
    {
        var payment = wait.Step == SagaStep.AuthorizePayment ? await payments.GetPaymentAsync(wait.OrderId, cancellationToken) : null;
        var messages = await outboxes.AboutOrderAsync(wait.OrderId, cancellationToken);
        return new StallOutlook(
            fulfilment.CurrentValue.MaxStepAttempts,
            payment,
            [.. messages.Where(m => m.DeadLetteredAt is null && types.FindType(m.MessageType) != typeof(FulfilmentDeadline))],
            messages.Count(m => m.DeadLetteredAt is not null));
    }
}
