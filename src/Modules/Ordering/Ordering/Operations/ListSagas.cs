using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations;

internal sealed record ListSagasQuery(EnumFilter<SagaStatus>? Status, int? StuckForSeconds, int? Limit, string? Cursor) : IQuery<SagaPage>;

internal sealed class ListSagasValidator : AbstractValidator<ListSagasQuery>
{
    public ListSagasValidator(CursorCodec cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
        RuleFor(q => q.StuckForSeconds).GreaterThanOrEqualTo(0).WithMessage("stuckForSeconds must be 0 or more.");
        RuleFor(q => q.Status).Must(s => s is null || s.Value is not null).WithMessage(EnumFilter<SagaStatus>.MustBeOneOf("status"));
        RuleFor(q => q.Cursor)
            .Must(c => c is null || cursors.TryDecodeTimeAndId(c, out _))
            .WithMessage("cursor was not issued by this API; pass the nextCursor of a previous page.");
    }
}

// Longest-unchanged first, which is what an operator hunting stuck orders wants to see.
internal sealed class ListSagasHandler(OrderingDbContext db, TimeProvider time, CursorCodec cursors) : IRequestHandler<ListSagasQuery, SagaPage>
{
    private static readonly SagaStatus[] Unfinished = [SagaStatus.Running, SagaStatus.Compensating, SagaStatus.Failed];

    public async Task<SagaPage> Handle(ListSagasQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 20;
        var sagas = db.Sagas.AsNoTracking();
        if (query.Status?.Value is { } status)
        {
            sagas = sagas.Where(s => s.Status == status);
        }

        if (query.StuckForSeconds is { } seconds)
        {
            var since = time.GetUtcNow().AddSeconds(-seconds);
            sagas = sagas.Where(s => Unfinished.Contains(s.Status) && s.UpdatedAt <= since);
        }

        if (query.Cursor is not null && cursors.TryDecodeTimeAndId(query.Cursor, out var after))
        {
            sagas = sagas.Where(s => EF.Functions.GreaterThan(
                ValueTuple.Create(s.UpdatedAt, s.OrderId), ValueTuple.Create(after.Time, after.Id)));
        }

        var page = await sagas.OrderBy(s => s.UpdatedAt).ThenBy(s => s.OrderId).Take(limit + 1).ToListAsync(cancellationToken);
        var next = page.Count > limit ? cursors.EncodeTimeAndId(page[limit - 1].UpdatedAt, page[limit - 1].OrderId) : null;
        return new SagaPage(page.Take(limit).Select(SagaView.From).ToList(), next);
    }
}
