using MediatR;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Operations.Dossier;
using OrderManagement.Ordering.Operations.Figures;
using OrderManagement.Ordering.Operations.FindOrders;
using OrderManagement.Ordering.Operations.Stalls;
using OrderManagement.Ordering.Orders;

namespace OrderManagement.Ordering.Operations;

// The contract's door into Ordering's operator queries; each goes through the mediator pipeline (validation first).
internal sealed class OrderOperationsQueries(IMediator mediator) : IOrderOperationsQueries
{
    public Task<OrderFigures> GetFiguresAsync(CancellationToken cancellationToken) =>
        mediator.Send(new GetFiguresQuery(), cancellationToken);

    public Task<OrderSearchPage> FindOrdersAsync(OrderSearch search, CancellationToken cancellationToken) =>
        mediator.Send(new FindOrdersQuery(search), cancellationToken);

    public Task<OrderDossier?> GetDossierAsync(Guid orderId, CancellationToken cancellationToken) =>
        mediator.Send(new GetDossierQuery(orderId), cancellationToken);

    public async Task<StallPage> ListStallsAsync(int limit, string? cursor, CancellationToken cancellationToken) =>
        (await mediator.Send(new ListStallsQuery(limit, cursor), cancellationToken)).ToPage();
}
