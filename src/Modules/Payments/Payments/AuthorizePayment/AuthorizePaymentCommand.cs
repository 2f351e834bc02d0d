using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.Payments.AuthorizePayment;

internal sealed record AuthorizePaymentCommand(Guid OrderId, decimal Amount, string Currency, string Method, string Token) : ICommand<MediatR.Unit>;

// Scheduled by earlier versions after a transient failure; still handled so that rows in outboxes at a deploy are not
// stranded (see RetryAuthorizationHandler).
internal sealed record RetryAuthorization(Guid PaymentId);

internal sealed record RetryAuthorizationCommand(Guid PaymentId) : ICommand<MediatR.Unit>;
