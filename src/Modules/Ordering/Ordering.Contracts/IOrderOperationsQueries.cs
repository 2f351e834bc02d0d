namespace OrderManagement.Ordering.Contracts;

// What operators read about orders and their fulfilment: the console's pages and GET /api/v1/ops/stalls.
// Invalid input (a cursor this module did not issue, limit outside 1..100) throws
// OrderManagement.BuildingBlocks.Application.RequestValidationException, which the API answers with a 400 problem.
public interface IOrderOperationsQueries
{
    Task<OrderFigures> GetFiguresAsync(CancellationToken cancellationToken);

    // Newest first; NextCursor continues the listing, null on the last page.
    Task<OrderSearchPage> FindOrdersAsync(OrderSearch search, CancellationToken cancellationToken);

    // Null when there is no such order.
    Task<OrderDossier?> GetDossierAsync(Guid orderId, CancellationToken cancellationToken);

    // Stalled sagas, longest waiting first. Limit 1..100.
    Task<StallPage> ListStallsAsync(int limit, string? cursor, CancellationToken cancellationToken);
}
