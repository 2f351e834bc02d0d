namespace OrderManagement.Payments.Contracts;

// Answered by PaymentAuthorized, PaymentDeclined or (retries exhausted) PaymentFailed.
public sealed record AuthorizePayment(Guid OrderId, decimal Amount, string Currency, string PaymentMethod, string PaymentToken);
