using OrderManagement.Payments.Provider;

namespace OrderManagement.Payments.AuthorizePayment;

internal static class AuthorizationRequests
{
    // The idempotency key is the order's, the same for every attempt and every host: the provider authorizes an order
    // once however often it is asked (a retry, a call repeated after a crash).
    public static AuthorizationRequest For(Guid paymentId, Guid orderId, decimal amount, string currency, string token, int attempt) =>
        new(paymentId, "order-" + orderId, amount, currency, token, attempt);
}
