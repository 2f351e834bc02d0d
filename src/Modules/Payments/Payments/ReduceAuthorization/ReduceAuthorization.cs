using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.ReduceAuthorization;

internal sealed record ReduceAuthorizationCommand(Guid OrderId, Guid CancellationId, decimal Amount) : ICommand<Unit>;

internal sealed class ReduceAuthorizationMessageHandler(IMediator mediator) : IMessageHandler<Contracts.ReduceAuthorization>
{
    public Task HandleAsync(Contracts.ReduceAuthorization message, CancellationToken cancellationToken) =>
        mediator.Send(new ReduceAuthorizationCommand(message.OrderId, message.CancellationId, message.Amount), cancellationToken);
}

// A partial void (docs/adr/0021): the payment's authorized amount drops, under its row lock, so a capture weighed after
// it sees the lower amount. The provider is not called: the money no capture takes is released when the authorization
// is closed (the last capture or a void). Never below what captures already asked for, never twice per cancellation.
internal sealed class ReduceAuthorizationHandler(
    PaymentsDbContext db, OutboxPublisher<PaymentsDbContext> outbox, HistoryLog<PaymentsDbContext> history, TimeProvider time)
    : IRequestHandler<ReduceAuthorizationCommand, Unit>
{
    public async Task<Unit> Handle(ReduceAuthorizationCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Payment for order", command.OrderId.ToString());
        if (await db.AuthorizationReductions.AnyAsync(r => r.CancellationId == command.CancellationId, cancellationToken))
        {
            return Unit.Value;
        }

        var now = time.GetUtcNow();
        if (payment.Status is not (PaymentStatus.Authorized or PaymentStatus.PartiallyCaptured) || payment.Call == PaymentCall.Void)
        {
            // Voided (the whole order was cancelled meanwhile) or settled: there is no authorization left to reduce.
            history.Record(payment.OrderId, "Payment", payment.Id, "AuthorizationNotReduced", payment.Status.ToString(), payment.Status.ToString(),
                $"line cancellation {command.CancellationId}: the payment is {payment.Status}{(payment.Call == PaymentCall.Void ? " with a void due" : "")}");
            return Unit.Value;
        }

        var captures = await db.Captures.Where(c => c.PaymentId == payment.Id).ToListAsync(cancellationToken);
        var asked = captures.Sum(c => c.Amount);
        if (command.Amount <= 0 || payment.Amount - command.Amount < asked)
        {
            throw new ConflictException(
                $"Line cancellation {command.CancellationId} would take {command.Amount} {payment.Currency} off payment {payment.Id}'s authorization of "
                + $"{payment.Amount}, below the {asked} its captures asked for; nothing was reduced. A cancelled unit must never be in a shipment: "
                + "check the order's shipments.", "reduction-below-captured");
        }

        var reduction = AuthorizationReduction.Of(command.CancellationId, payment.Id, command.Amount, now);
        db.AuthorizationReductions.Add(reduction);
        var wasCaptured = payment.Status;
        payment.ReduceAuthorization(reduction, captures.Any(c => c.Status == CaptureStatus.Due), now, history);
        if (wasCaptured != PaymentStatus.Captured && payment.Status == PaymentStatus.Captured)
        {
            outbox.Publish(new PaymentCaptured(payment.OrderId, payment.Id, Status: PaymentStatus.Captured));
        }

        return Unit.Value;
    }
}
