using OrderManagement.Payments.Payments;
using OrderManagement.TestKit;

namespace OrderManagement.Payments.Tests;

// docs/state-machines/payment.md is Stateless's export of this machine; regenerate with build/docs.sh.
public sealed class GeneratedDocsTests
{
    [Fact]
    public void Given_the_payment_machine_When_exported_Then_docs_state_machines_payment_md_is_current() =>
        StateMachineDocument.AssertCurrent("payment", "Payment", "src/Modules/Payments/Payments/Payments/PaymentStateMachine.cs",
            PaymentStateMachine.For(Payment.Start(Guid.Empty, 1m, "EUR", "card", "token", DateTimeOffset.UnixEpoch)));
}
