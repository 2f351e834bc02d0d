namespace OrderManagement.Payments.Contracts;

// Answered by PaymentVoided (also when there was no authorization to void).
public sealed record VoidPayment(Guid OrderId);
