using System.Diagnostics;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.AuthorizePayment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;
using OrderManagement.Payments.Settlement;

namespace OrderManagement.Payments.CapturePayment;

// The rest of the authorized amount (the whole of it for an order shipped in one parcel).
internal sealed record CapturePaymentCommand(Guid OrderId) : ICommand<Unit>;

// One shipment's part (docs/adr/0019): Amount in the payment's currency.
internal sealed record CaptureShipmentCommand(Guid OrderId, Guid ShipmentId, decimal Amount) : ICommand<Unit>;

internal sealed class CapturePaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.CapturePayment>
{
    public Task HandleAsync(Contracts.CapturePayment message, CancellationToken cancellationToken) =>
        message is { ShipmentId: { } shipmentId, Amount: { } amount }
            ? mediator.Send(new CaptureShipmentCommand(message.OrderId, shipmentId, amount), cancellationToken)
            : mediator.Send(new CapturePaymentCommand(message.OrderId), cancellationToken);
}

// Only an authorized (or partly captured) payment can be captured; a capture is recorded once per shipment, so a
// repeat is a no-op. The delivery records the capture as due and commits; the worker calls the provider and publishes
// PaymentCaptured (docs/adr/0013). Only captures the worker gave up on (faulted) are made here, inside the delivery,
// so that the dispatcher retries and dead-letters them.
internal sealed class CapturePaymentHandler(
    PaymentsDbContext db, AfterCommit<PaymentsDbContext> afterCommit,
    TimeProvider time, ProviderCalls provider, SettlementOutcomes outcomes, AuthorizationSignal worker)
    : IRequestHandler<CapturePaymentCommand, Unit>, IRequestHandler<CaptureShipmentCommand, Unit>
{
    public Task<Unit> Handle(CapturePaymentCommand command, CancellationToken cancellationToken) =>
        CaptureAsync(new Capture(command.OrderId, null, null), cancellationToken);

    public Task<Unit> Handle(CaptureShipmentCommand command, CancellationToken cancellationToken) =>
        CaptureAsync(new Capture(command.OrderId, command.ShipmentId, command.Amount), cancellationToken);

    private async Task<Unit> CaptureAsync(Capture command, CancellationToken cancellationToken)
    {
        var payment = await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Payment for order", command.OrderId.ToString());
        var captures = await db.Captures.Where(c => c.PaymentId == payment.Id).ToListAsync(cancellationToken);
        var capture = captures.FirstOrDefault(c => c.ShipmentId == command.ShipmentId);
        if (capture is null)
        {
            if (payment.Status == PaymentStatus.Captured && command.ShipmentId is null)
            {
                return Unit.Value; // captured in full (before captures were recorded one by one, or by this very request)
            }

            capture = Request(payment, captures, command);
            if (capture is null)
            {
                return Unit.Value;
            }

            captures.Add(capture);
        }

        if (capture.Status == CaptureStatus.Captured)
        {
            return Unit.Value;
        }

        if (payment is { Call: PaymentCall.Capture, Faulted: true })
        {
            var due = captures.Where(c => c.Status == CaptureStatus.Due).ToList();
            foreach (var each in due)
            {
                await SettlementCall.MakeAsync(provider, PaymentCall.Capture, payment.SettledAuthorizationCode, each.Amount, cancellationToken);
            }

            outcomes.Captured(payment, due);
            outcomes.Succeeded(payment, PaymentCall.Capture, captures);
            return Unit.Value;
        }

        if (payment.Call is null)
        {
            payment.RequestCall(PaymentCall.Capture, time.GetUtcNow());
            payment.CarryTrace(Activity.Current?.Id, CorrelationContext.Current);
            afterCommit.Add(worker.Notify);
        }

        return Unit.Value; // Call is Capture: the worker takes this capture with the others due
    }

    // Records a new capture as due, or answers null when a capture that names no shipment finds nothing left to ask for.
    private PaymentCapture? Request(Payment payment, List<PaymentCapture> captures, Capture command)
    {
        PaymentStateMachine.EnsurePermitted(payment, PaymentTrigger.Capture); // refused unless Authorized or PartiallyCaptured with no void due

        var asked = captures.Sum(c => c.Amount);
        var amount = command.ShipmentId is null ? payment.Amount - asked : command.Amount ?? 0m;
        if (command.ShipmentId is null && amount <= 0)
        {
            return null;
        }

        if (amount <= 0 || asked + amount > payment.Amount)
        {
            throw new ConflictException(
                $"A capture of {amount} {payment.Currency} for shipment {command.ShipmentId} of order {payment.OrderId} would take the captures "
                + $"to {asked + amount} of an authorization of {payment.Amount} {payment.Currency}; nothing was captured. The order's shipments "
                + "must never hold more than its lines: check the shipments of the order.",
                "capture-exceeds-authorization");
        }

        var capture = PaymentCapture.Request(payment.Id, command.ShipmentId, amount, time.GetUtcNow());
        db.Captures.Add(capture);
        return capture;
    }

    // ShipmentId and Amount null: the rest of the authorized amount.
    private sealed record Capture(Guid OrderId, Guid? ShipmentId, decimal? Amount);
}
