namespace OrderManagement.Payments.Payments;

internal enum PaymentStatus
{
    Pending,
    Authorized,
    Captured,
    Declined,
    Failed,
    Voided,
    Refunded,
}

internal enum PaymentTrigger
{
    Authorize,
    Decline,
    Fail,
    Capture,
    Void,
    Refund,
}
