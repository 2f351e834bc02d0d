using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;
using Shouldly;

namespace OrderManagement.Payments.Tests;

// A payment's machine through the real aggregate and the module's real DbContext: each permitted trigger moves the
// payment and writes one history entry; every other pair of state and trigger is refused, naming both, and
// changes nothing. An Authorized payment's guarded triggers move it while their guard holds and are refused, naming
// the unmet guard, while the other provider call is due.
public sealed class PaymentStateMachineTests(PaymentsModuleFixture fixture) : IClassFixture<PaymentsModuleFixture>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static readonly Dictionary<(PaymentStatus From, PaymentTrigger Trigger), (PaymentStatus To, string Event)> Permitted = new()
    {
        [(PaymentStatus.Pending, PaymentTrigger.Authorize)] = (PaymentStatus.Authorized, "PaymentAuthorized"),
        [(PaymentStatus.Pending, PaymentTrigger.Decline)] = (PaymentStatus.Declined, "PaymentDeclined"),
        [(PaymentStatus.Pending, PaymentTrigger.Fail)] = (PaymentStatus.Failed, "PaymentFailed"),
        [(PaymentStatus.Pending, PaymentTrigger.Void)] = (PaymentStatus.Voided, "PaymentVoided"),
        [(PaymentStatus.Authorized, PaymentTrigger.Capture)] = (PaymentStatus.Captured, "PaymentCaptured"),
        [(PaymentStatus.Authorized, PaymentTrigger.Void)] = (PaymentStatus.Voided, "PaymentVoided"),
        [(PaymentStatus.Authorized, PaymentTrigger.CapturePart)] = (PaymentStatus.PartiallyCaptured, "PaymentPartiallyCaptured"),
        [(PaymentStatus.PartiallyCaptured, PaymentTrigger.CapturePart)] = (PaymentStatus.PartiallyCaptured, "PaymentPartiallyCaptured"),
        [(PaymentStatus.PartiallyCaptured, PaymentTrigger.Capture)] = (PaymentStatus.Captured, "PaymentCaptured"),
        [(PaymentStatus.Captured, PaymentTrigger.Refund)] = (PaymentStatus.Refunded, "PaymentRefunded"),
    };

    [Fact]
    public Task Given_a_permitted_trigger_When_it_fires_Then_the_payment_moves_and_one_history_entry_records_it() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var history = sp.GetRequiredService<HistoryLog<PaymentsDbContext>>();
            foreach (var ((from, trigger), (to, @event)) in Permitted)
            {
                db.ChangeTracker.Clear();
                var payment = PaymentIn(from);

                payment.Apply(trigger, Now, history, "why");

                payment.Status.ShouldBe(to);
                var entry = db.History.Local.ShouldHaveSingleItem();
                (entry.OrderId, entry.Subject, entry.SubjectId, entry.Event, entry.FromState, entry.ToState, entry.Detail)
                    .ShouldBe((payment.OrderId, "Payment", payment.Id, @event, from.ToString(), to.ToString(), "why"));
            }

            return Task.FromResult(true);
        });

    [Fact]
    public Task Given_a_trigger_the_state_does_not_permit_When_it_fires_Then_it_is_refused_naming_state_and_trigger() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var history = sp.GetRequiredService<HistoryLog<PaymentsDbContext>>();
            foreach (var state in Enum.GetValues<PaymentStatus>())
            {
                foreach (var trigger in Enum.GetValues<PaymentTrigger>().Where(t => !Permitted.ContainsKey((state, t))))
                {
                    db.ChangeTracker.Clear();
                    var payment = PaymentIn(state);

                    var refused = Should.Throw<InvalidTransitionException>(() => payment.Apply(trigger, Now, history));

                    (refused.Code, refused.Message).ShouldBe(("invalid-transition", $"Cannot fire trigger '{trigger}' in state '{state}' of PaymentStatus."));
                    payment.Status.ShouldBe(state);
                    db.History.Local.ShouldBeEmpty();
                }
            }

            return Task.FromResult(true);
        });

    // (call due, trigger) -> the guard the due call leaves unmet, or null when the trigger fires.
    private static readonly Dictionary<(PaymentCall Due, PaymentTrigger Trigger), string?> Guarded = new()
    {
        [(PaymentCall.Capture, PaymentTrigger.Capture)] = null,
        [(PaymentCall.Capture, PaymentTrigger.CapturePart)] = null,
        [(PaymentCall.Capture, PaymentTrigger.Void)] = "no capture is due",
        [(PaymentCall.Void, PaymentTrigger.Void)] = null,
        [(PaymentCall.Void, PaymentTrigger.Capture)] = "no void is due",
        [(PaymentCall.Void, PaymentTrigger.CapturePart)] = "no void is due",
    };

    [Fact]
    public Task Given_an_Authorized_payment_with_a_call_due_When_a_guarded_trigger_fires_Then_it_moves_or_is_refused_naming_the_guard() =>
        fixture.Host.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PaymentsDbContext>();
            var history = sp.GetRequiredService<HistoryLog<PaymentsDbContext>>();
            foreach (var ((due, trigger), unmetGuard) in Guarded)
            {
                db.ChangeTracker.Clear();
                var payment = PaymentIn(PaymentStatus.Authorized);
                payment.RequestCall(due, Now);

                if (unmetGuard is null)
                {
                    PaymentStateMachine.EnsurePermitted(payment, trigger);
                    payment.Apply(trigger, Now, history);

                    var (to, @event) = Permitted[(PaymentStatus.Authorized, trigger)];
                    payment.Status.ShouldBe(to);
                    db.History.Local.ShouldHaveSingleItem().Event.ShouldBe(@event);
                    continue;
                }

                var asked = Should.Throw<InvalidTransitionException>(() => PaymentStateMachine.EnsurePermitted(payment, trigger));
                var refused = Should.Throw<InvalidTransitionException>(() => payment.Apply(trigger, Now, history));

                foreach (var refusal in new[] { asked, refused })
                {
                    (refusal.Code, refusal.Message, refusal.UnmetGuards.Single()).ShouldBe(("invalid-transition",
                        $"Cannot fire trigger '{trigger}' in state 'Authorized' of PaymentStatus. Guards not met: {unmetGuard}.", unmetGuard));
                }

                payment.Status.ShouldBe(PaymentStatus.Authorized);
                db.History.Local.ShouldBeEmpty();
            }

            return Task.FromResult(true);
        });

    private static Payment PaymentIn(PaymentStatus status)
    {
        var payment = Payment.Start(Guid.CreateVersion7(), 5m, "EUR", "card", "tok_visa", Now);
        payment.Status = status;
        return payment;
    }
}
