using System.Diagnostics;
using MediatR;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Payments.AuthorizePayment;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;
using OrderManagement.Payments.Settlement;

namespace OrderManagement.Payments.CapturePayment;

internal sealed record CapturePaymentCommand(Guid OrderId) : ICommand<Unit>;

internal sealed class CapturePaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CapturePayment>
{
    public Task HandleAsync(Contracts.CapturePayment message, CancellationToken cancellationToken) =>
        mediator.Send(new CapturePaymentCommand(message.OrderId), cancellationToken);
}

// Only an authorized payment can be captured; a repeat of a capture is a no-op. The delivery records the capture as
// due and commits; the worker calls the provider and publishes PaymentCaptured (docs/adr/0013). Only a capture the
// worker gave up on (faulted) is made here, inside the delivery, so that the dispatcher retries and dead-letters it.
internal sealed class CapturePaymentHandler(PaymentsDbContext db, ProviderCalls provider, SettlementOutcomes outcomes, AuthorizationSignal worker)
    : IRequestHandler<CapturePaymentCommand, Unit>
{
    public async Task<Unit> Handle(CapturePaymentCommand command, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Payment for order", command.OrderId.ToString());
        if (payment.Status == PaymentStatus.Captured || payment is { Status: PaymentStatus.Authorized, Call: PaymentCall.Capture, Faulted: false })
        {
            return Unit.Value;
        }

        if (payment is { Status: PaymentStatus.Authorized, Call: PaymentCall.Void })
        {
            throw new InvalidTransitionException(nameof(PaymentStatus), payment.Status.ToString(), nameof(PaymentTrigger.Capture), ["no void is due"]);
        }

        if (payment is { Status: PaymentStatus.Authorized, Call: PaymentCall.Capture, Faulted: true })
        {
            await SettlementCall.MakeAsync(provider, PaymentCall.Capture, payment.AuthorizationCode!, payment.Amount, cancellationToken);
            outcomes.Succeeded(payment, PaymentCall.Capture);
            return Unit.Value;
        }

        if (payment.Status != PaymentStatus.Authorized)
        {
            payment.Apply(PaymentTrigger.Capture, db.Time.GetUtcNow(), db); // refused: names the state
        }

        payment.RequestCall(PaymentCall.Capture, db.Time.GetUtcNow());
        payment.CarryTrace(Activity.Current?.Id, CorrelationContext.Current);
        db.AfterCommit(worker.Notify);
        return Unit.Value;
    }
}
