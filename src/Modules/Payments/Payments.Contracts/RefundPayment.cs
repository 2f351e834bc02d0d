namespace OrderManagement.Payments.Contracts;

// Gives Amount (in the payment's currency, > 0) of the order's captured money back, for the units of return ReturnId.
// One refund per return: a repeat of the same ReturnId never refunds again. Refused (RefundRefused) when Amount is
// more than captured minus what is refunded or being refunded; otherwise answered by PaymentRefunded once the provider
// has made it (retried with backoff until it does).
public sealed record RefundPayment(Guid OrderId, Guid ReturnId, decimal Amount);
