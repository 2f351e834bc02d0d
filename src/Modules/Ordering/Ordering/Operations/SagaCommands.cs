using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations;

internal sealed record GetSagaQuery(Guid OrderId) : IQuery<SagaView>;

internal sealed class GetSagaHandler(OrderingDbContext db) : IRequestHandler<GetSagaQuery, SagaView>
{
    public async Task<SagaView> Handle(GetSagaQuery query, CancellationToken cancellationToken) =>
        SagaView.From(await db.Sagas.AsNoTracking().FirstOrDefaultAsync(s => s.OrderId == query.OrderId, cancellationToken)
            ?? throw new NotFoundException("Saga of order", query.OrderId.ToString()));
}

internal sealed record RetrySagaCommand(Guid OrderId, string Actor, string Reason) : ICommand<SagaView>, IOperatorCommand<SagaView>
{
    public OperatorActionRecord Describe(SagaView result) =>
        new("RetryStep", OrderId, $"The saga is {result.Status} again: {result.CurrentStep} was sent again (attempt {result.Attempts}).");
}

// Resumes the current step now: the step's command is sent again with a fresh deadline.
internal sealed class RetrySagaHandler(OrderingDbContext db, OrderFulfilment fulfilment) : IRequestHandler<RetrySagaCommand, SagaView>
{
    public async Task<SagaView> Handle(RetrySagaCommand command, CancellationToken cancellationToken)
    {
        var saga = await db.Sagas.FirstOrDefaultAsync(s => s.OrderId == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Saga of order", command.OrderId.ToString());
        var order = await db.Orders.FirstAsync(o => o.Id == command.OrderId, cancellationToken);
        fulfilment.Retry(order, saga, command.Actor, command.Reason);
        return SagaView.From(saga);
    }
}
