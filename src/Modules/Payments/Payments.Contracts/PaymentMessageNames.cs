namespace OrderManagement.Payments.Contracts;

// Stable names under which these messages are stored; never change one that has been released.
public static class PaymentMessageNames
{
    public static IReadOnlyDictionary<Type, string> All { get; } = new Dictionary<Type, string>
    {
        [typeof(AuthorizePayment)] = "payments.authorize-payment.v1",
        [typeof(CapturePayment)] = "payments.capture-payment.v1",
        [typeof(VoidPayment)] = "payments.void-payment.v1",
        [typeof(PaymentAuthorized)] = "payments.payment-authorized.v1",
        [typeof(PaymentDeclined)] = "payments.payment-declined.v1",
        [typeof(PaymentFailed)] = "payments.payment-failed.v1",
        [typeof(PaymentAttemptFailed)] = "payments.payment-attempt-failed.v1",
        [typeof(PaymentVoided)] = "payments.payment-voided.v1",
        [typeof(PaymentCaptured)] = "payments.payment-captured.v1",
        [typeof(RefundPayment)] = "payments.refund-payment.v1",
        [typeof(PaymentRefunded)] = "payments.payment-refunded.v1",
        [typeof(RefundRefused)] = "payments.refund-refused.v1",
        [typeof(ReduceAuthorization)] = "payments.reduce-authorization.v1",
    };
}
