namespace OrderManagement.Payments.Payments;

// A provider call that settles an authorized payment, made by the worker outside any delivery (docs/adr/0013).
internal enum PaymentCall
{
    Capture,
    Void,
}
