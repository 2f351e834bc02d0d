using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.VoidPayment;

internal sealed record VoidPaymentCommand(Guid OrderId) : ICommand<Unit>;

internal sealed class VoidPaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.VoidPayment>
{
    public Task HandleAsync(Contracts.VoidPayment message, CancellationToken cancellationToken) =>
        mediator.Send(new VoidPaymentCommand(message.OrderId), cancellationToken);
}

// Releases the authorization. Answers PaymentVoided even when there was nothing to void, so compensation always
// gets its reply; a captured payment is never voided (the state machine refuses it).
internal sealed class VoidPaymentHandler(PaymentsDbContext db, ProviderCalls provider) : IRequestHandler<VoidPaymentCommand, Unit>
{
    public async Task<Unit> Handle(VoidPaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.OrderId == command.OrderId, cancellationToken);
        if (payment is null)
        {
            // About to create the tombstone: an authorization running now must be voided instead.
            await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken);
            payment = await db.Payments.FirstOrDefaultAsync(p => p.OrderId == command.OrderId, cancellationToken);
        }

        if (payment is { Status: PaymentStatus.Authorized or PaymentStatus.Pending or PaymentStatus.Captured })
        {
            if (payment.Status == PaymentStatus.Authorized)
            {
                await provider.VoidAsync(payment.AuthorizationCode!, cancellationToken);
            }

            var (from, to) = payment.Apply(PaymentTrigger.Void, db.Time.GetUtcNow());
            db.RecordHistory(payment.OrderId, "Payment", payment.Id, "PaymentVoided", from, to);
        }
        else if (payment is null)
        {
            var tombstone = Payment.VoidedBeforeAuthorization(command.OrderId, db.Time.GetUtcNow());
            db.Payments.Add(tombstone);
            db.RecordHistory(command.OrderId, "Payment", tombstone.Id, "PaymentVoided", null, nameof(PaymentStatus.Voided), "voided before any authorization");
        }

        db.Publish(new PaymentVoided(command.OrderId, payment?.Id));
        return Unit.Value;
    }
}
