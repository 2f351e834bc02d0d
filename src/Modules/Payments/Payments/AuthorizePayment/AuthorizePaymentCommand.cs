using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.Payments.AuthorizePayment;

internal sealed record AuthorizePaymentCommand(Guid OrderId, decimal Amount, string Currency, string Method, string Token) : ICommand<MediatR.Unit>;

// Scheduled by the module itself after a transient failure; durable, so a restart does not lose the retry.
internal sealed record RetryAuthorization(Guid PaymentId);

internal sealed record RetryAuthorizationCommand(Guid PaymentId) : ICommand<MediatR.Unit>;
