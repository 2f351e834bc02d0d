namespace OrderManagement.Payments.Contracts;

public interface IPaymentQueries
{
    Task<IReadOnlyList<PaymentHistoryEntry>> GetOrderHistoryAsync(Guid orderId, CancellationToken cancellationToken);
}

public sealed record PaymentHistoryEntry(DateTimeOffset OccurredAt, string Event, string? FromState, string? ToState, string? Detail);
