namespace OrderManagement.Payments.Contracts;

public sealed record CapturePayment(Guid OrderId);
