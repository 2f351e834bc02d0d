using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.CapturePayment;

internal sealed record CapturePaymentCommand(Guid OrderId) : ICommand<Unit>;

internal sealed class CapturePaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CapturePayment>
{
    public Task HandleAsync(Contracts.CapturePayment message, CancellationToken cancellationToken) =>
        mediator.Send(new CapturePaymentCommand(message.OrderId), cancellationToken);
}

// Only an authorized payment can be captured; a repeat of a capture is a no-op.
internal sealed class CapturePaymentHandler(PaymentsDbContext db, ProviderCalls provider) : IRequestHandler<CapturePaymentCommand, Unit>
{
    public async Task<Unit> Handle(CapturePaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.OrderId == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Payment for order", command.OrderId.ToString());
        if (payment.Status == PaymentStatus.Captured)
        {
            return Unit.Value;
        }

        if (payment.Status == PaymentStatus.Authorized)
        {
            await provider.CaptureAsync(payment.AuthorizationCode!, payment.Amount, cancellationToken);
        }

        payment.Apply(PaymentTrigger.Capture, db.Time.GetUtcNow(), db, $"{payment.Amount} {payment.Currency}");
        db.Publish(new PaymentCaptured(payment.OrderId, payment.Id));
        return Unit.Value;
    }
}
