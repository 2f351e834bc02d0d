using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.Operations.FindOrders;

internal sealed record FindOrdersQuery(OrderSearch Search) : IQuery<OrderSearchPage>;

internal sealed class FindOrdersValidator : AbstractValidator<FindOrdersQuery>
{
    public FindOrdersValidator(CursorCodec cursors)
    {
        RuleFor(q => q.Search.Limit).InclusiveBetween(1, 100).OverridePropertyName("limit").WithMessage("limit must be between 1 and 100.");
        RuleFor(q => q.Search.CustomerId).OptionalText("customerId", 100).OverridePropertyName("customerId");
        RuleFor(q => q.Search.Sku).OptionalText("sku", 64).OverridePropertyName("sku");
        RuleFor(q => q.Search)
            .Must(s => s.PlacedFrom is null || s.PlacedTo is null || s.PlacedFrom < s.PlacedTo).OverridePropertyName("placedTo")
            .WithMessage("placedTo must be after placedFrom.");
        RuleFor(q => q.Search.Cursor)
            .Must(c => c is null || OrderSearchCursor.TryParse(cursors, c, out _)).OverridePropertyName("cursor")
            .WithMessage("cursor was not issued by this console; use the link to the next page.");
    }
}

// Newest first by insertion order (seq), the same walk as the storefront listing.
internal sealed class FindOrdersHandler(OrderingDbContext db, CursorCodec cursors) : IRequestHandler<FindOrdersQuery, OrderSearchPage>
{
    public async Task<OrderSearchPage> Handle(FindOrdersQuery query, CancellationToken cancellationToken)
    {
        var search = query.Search;
        var orders = db.Orders.AsNoTracking();
        if (search.OrderId is { } id)
        {
            orders = orders.Where(o => o.Id == id);
        }

        if (!string.IsNullOrWhiteSpace(search.CustomerId))
        {
            orders = orders.Where(o => o.CustomerId == search.CustomerId);
        }

        if (search.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(search.Sku))
        {
            orders = orders.Where(o => o.Lines.Any(l => l.Sku == search.Sku));
        }

        if (search.Held)
        {
            orders = orders.Where(o => o.HeldAt != null);
        }

        if (search.PlacedFrom is { } from)
        {
            orders = orders.Where(o => o.CreatedAt >= from);
        }

        if (search.PlacedTo is { } to)
        {
            orders = orders.Where(o => o.CreatedAt < to);
        }

        if (search.Cursor is not null && OrderSearchCursor.TryParse(cursors, search.Cursor, out var before))
        {
            orders = orders.Where(o => o.Sequence < before);
        }

        var page = await orders.OrderByDescending(o => o.Sequence).Take(search.Limit + 1)
            .Select(o => new { o.Id, o.Sequence, o.CustomerId, o.Status, o.Total, o.Currency, o.CreatedAt, o.UpdatedAt })
            .ToListAsync(cancellationToken);
        var ids = page.Select(o => o.Id).ToList();
        var sagas = await db.Sagas.AsNoTracking().Where(s => ids.Contains(s.OrderId))
            .Select(s => new { s.OrderId, s.Status, s.CurrentStep })
            .ToDictionaryAsync(s => s.OrderId, cancellationToken);
        var next = page.Count > search.Limit ? OrderSearchCursor.Encode(cursors, page[search.Limit - 1].Sequence) : null;
        return new OrderSearchPage(
            [.. page.Take(search.Limit).Select(o => new OrderSummary(o.Id, o.CustomerId, o.Status, o.Total, o.Currency, o.CreatedAt, o.UpdatedAt,
                sagas.TryGetValue(o.Id, out var saga) ? saga.Status : null, saga is null ? null : SagaView.StepOf(saga.CurrentStep)))],
            next);
    }
}

internal static class OrderSearchCursor
{
    public static string Encode(CursorCodec cursors, long sequence) =>
        cursors.Encode("find|" + sequence.ToString(CultureInfo.InvariantCulture));

    public static bool TryParse(CursorCodec cursors, string cursor, out long sequence)
    {
        sequence = 0;
        return cursors.TryDecode(cursor, out var text) && text.StartsWith("find|", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
