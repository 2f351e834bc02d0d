using System.Diagnostics;
using MediatR;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Payments.AuthorizePayment;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using OrderManagement.Payments.Provider;
using OrderManagement.Payments.Settlement;

namespace OrderManagement.Payments.VoidPayment;

internal sealed record VoidPaymentCommand(Guid OrderId) : ICommand<Unit>;

internal sealed class VoidPaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.VoidPayment>
{
    public Task HandleAsync(Contracts.VoidPayment message, CancellationToken cancellationToken) =>
        mediator.Send(new VoidPaymentCommand(message.OrderId), cancellationToken);
}

// Releases the authorization. Answers PaymentVoided even when there was nothing to void, so compensation always
// gets its reply; a captured payment is never voided (the state machine refuses it). An Authorized payment's void is
// recorded as due and the worker calls the provider and answers (docs/adr/0013); only a void the worker gave up on
// (faulted) is made here, inside the delivery, so that the dispatcher retries and dead-letters it. A void of a Pending
// payment does not wait for a provider call in flight (the worker holds no lock across it): no further attempt is
// made, and the call in flight stays claimed so that an approval it brings back is voided at the provider.
internal sealed class VoidPaymentHandler(
    PaymentsDbContext db, OutboxPublisher<PaymentsDbContext> outbox, HistoryLog<PaymentsDbContext> history, AfterCommit<PaymentsDbContext> afterCommit,
    TimeProvider time, TransactionLocks<PaymentsDbContext> locks, ProviderCalls provider, SettlementOutcomes outcomes, AuthorizationSignal worker)
    : IRequestHandler<VoidPaymentCommand, Unit>
{
    public async Task<Unit> Handle(VoidPaymentCommand command, CancellationToken cancellationToken)
    {
        // The creation lock first (an authorization creating the payment now finishes first), then the row lock;
        // the same order as authorization takes them.
        await locks.LockPaymentCreationAsync(command.OrderId, cancellationToken);
        var payment = await db.LockPaymentOfOrderAsync(command.OrderId, cancellationToken);

        if (payment is { Status: PaymentStatus.Authorized })
        {
            await VoidAuthorizedAsync(payment, cancellationToken);
            return Unit.Value;
        }

        if (payment is { Status: PaymentStatus.Pending or PaymentStatus.PartiallyCaptured or PaymentStatus.Captured })
        {
            payment.Apply(PaymentTrigger.Void, time.GetUtcNow(), history);
            if (!payment.HasAttemptInFlight)
            {
                payment.SettleAttempt();
            }
        }
        else if (payment is null)
        {
            var tombstone = Payment.VoidedBeforeAuthorization(command.OrderId, time.GetUtcNow());
            db.Payments.Add(tombstone);
            history.Record(command.OrderId, "Payment", tombstone.Id, "PaymentVoided", null, nameof(PaymentStatus.Voided), "voided before any authorization");
        }

        // A declined or failed payment held nothing and stays as it is: the answer names no voided payment.
        outbox.Publish(new PaymentVoided(command.OrderId, payment is { Status: PaymentStatus.Voided } ? payment.Id : null));
        return Unit.Value;
    }

    private async Task VoidAuthorizedAsync(Payment payment, CancellationToken cancellationToken)
    {
        PaymentStateMachine.EnsurePermitted(payment, PaymentTrigger.Void); // refused while a capture is due
        switch (payment)
        {
            case { Call: PaymentCall.Void, Faulted: false }:
                return; // already due: the worker answers
            case { Call: PaymentCall.Void, Faulted: true }:
                await SettlementCall.MakeAsync(provider, PaymentCall.Void, payment.SettledAuthorizationCode, payment.Amount, cancellationToken);
                outcomes.Succeeded(payment, PaymentCall.Void);
                return;
            default:
                payment.RequestCall(PaymentCall.Void, time.GetUtcNow());
                payment.CarryTrace(Activity.Current?.Id, CorrelationContext.Current);
                afterCommit.Add(worker.Notify);
                return;
        }
    }
}
