using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Returns;

internal sealed record RejectReturnCommand(Guid ReturnId, string Reason, string Actor) : ICommand<ReturnView>, IOperatorCommand<ReturnView>
{
    string? IOperatorCommand<ReturnView>.Reason => Reason;

    public OperatorActionRecord? Describe(ReturnView result) =>
        new("RejectReturn", result.OrderId, $"Return {ReturnId} rejected: nothing is refunded or restocked, and its units can be returned again.");
}

internal sealed class RejectReturnHandler(
    OrderingDbContext db, HistoryLog<OrderingDbContext> history, TimeProvider time)
    : IRequestHandler<RejectReturnCommand, ReturnView>
{
    public async Task<ReturnView> Handle(RejectReturnCommand command, CancellationToken cancellationToken)
    {
        var @return = await db.Returns.FirstOrDefaultAsync(r => r.Id == command.ReturnId, cancellationToken)
            ?? throw new NotFoundException("Return", command.ReturnId.ToString());
        _ = await db.Orders.FirstAsync(o => o.Id == @return.OrderId, cancellationToken);
        @return.Reject(command.Reason, time.GetUtcNow(), history);
        return ReturnView.From(@return);
    }
}
