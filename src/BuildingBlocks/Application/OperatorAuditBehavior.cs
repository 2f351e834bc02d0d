using MediatR;
using OrderManagement.BuildingBlocks.Operations;

namespace OrderManagement.BuildingBlocks.Application;

// Runs outside the unit of work: only a command that committed is audited, a refused one (409, 400, 404) is not.
internal sealed class OperatorAuditBehavior<TRequest, TResponse>(OperatorAuditLog audit) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request is IOperatorCommand<TResponse> command && command.Describe(response) is { } action)
        {
            await audit.RecordAsync(command.Actor, action.Action, action.OrderId, command.Reason, action.Detail, CancellationToken.None);
        }

        return response;
    }
}
