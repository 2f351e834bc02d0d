using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;

namespace OrderManagement.Payments.Refunds;

// How much of a payment may still be refunded: what was captured, minus what is refunded, minus what is being refunded.
// Never negative, so captured minus refunded never goes below zero (issue 16 point 7's invariant).
internal static class RefundRules
{
    // Today a capture takes the whole authorization at dispatch, so a captured payment's captured amount is its amount.
    public static decimal Captured(Payment payment) =>
        payment.Status is PaymentStatus.Captured or PaymentStatus.Refunded ? payment.Amount : 0m;

    public static decimal Refundable(Payment payment, decimal inFlight) => Captured(payment) - payment.RefundedAmount - inFlight;
}
