namespace OrderManagement.Payments.Payments;

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
