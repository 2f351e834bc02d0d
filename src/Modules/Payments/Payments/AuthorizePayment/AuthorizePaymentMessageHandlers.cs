using MediatR;
using OrderManagement.BuildingBlocks.Messaging;

namespace OrderManagement.Payments.AuthorizePayment;

internal sealed class AuthorizePaymentMessageHandler(IMediator mediator) : IMessageHandler<Contracts.AuthorizePayment>
{
    public Task HandleAsync(Contracts.AuthorizePayment message, CancellationToken cancellationToken) =>
        mediator.Send(new AuthorizePaymentCommand(message.OrderId, message.Amount, message.Currency, message.PaymentMethod, message.PaymentToken), cancellationToken);
}

internal sealed class RetryAuthorizationMessageHandler(IMediator mediator) : IMessageHandler<RetryAuthorization>
{
    public Task HandleAsync(RetryAuthorization message, CancellationToken cancellationToken) =>
        mediator.Send(new RetryAuthorizationCommand(message.PaymentId), cancellationToken);
}
