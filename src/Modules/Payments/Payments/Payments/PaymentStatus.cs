namespace OrderManagement.Payments.Payments;

internal enum PaymentStatus
{
    Pending,
    Authorized,
    PartiallyCaptured,
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
    CapturePart,
    Void,
    Refund,
}
