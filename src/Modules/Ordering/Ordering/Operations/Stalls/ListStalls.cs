using System.Globalization;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Web;

namespace OrderManagement.Ordering.Operations.Stalls;

internal sealed record ListStallsQuery(int? Limit, string? Cursor) : IQuery<StallViewPage>;

internal sealed class ListStallsValidator : AbstractValidator<ListStallsQuery>
{
    public ListStallsValidator(CursorCodec cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
        RuleFor(q => q.Cursor)
            .Must(c => c is null || StallCursor.TryParse(cursors, c, out _))
            .WithMessage("cursor was not issued by this API; pass the nextCursor of a previous page.");
    }
}

internal sealed class ListStallsHandler(
    NpgsqlDataSource dataSource, IOptionsMonitor<StallOptions> options, TimeProvider time, CursorCodec cursors, StallOutlooks outlooks)
    : IRequestHandler<ListStallsQuery, StallViewPage>
{
    public async Task<StallViewPage> Handle(ListStallsQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 20;
        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        (DateTimeOffset, Guid)? after = query.Cursor is not null && StallCursor.TryParse(cursors, query.Cursor, out var position) ? position : null;
        var waits = await StallQueries.PageAsync(dataSource, settings, now, after, limit + 1, cancellationToken);
        var next = waits.Count > limit ? StallCursor.Encode(cursors, waits[limit - 1]) : null;
        var stalls = new List<StallView>();
        foreach (var wait in waits.Take(limit))
        {
            if (StallDetection.Inspect(wait, settings, now, await outlooks.ForAsync(wait, cancellationToken)) is { } stall)
            {
                stalls.Add(stall);
            }
        }

        return new StallViewPage(stalls, next);
    }
}

internal static class StallCursor
{
    public static string Encode(CursorCodec cursors, SagaWait wait) =>
        cursors.Encode($"stall|{wait.Since.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{wait.OrderId}");

    public static bool TryParse(CursorCodec cursors, string cursor, out (DateTimeOffset Since, Guid OrderId) position)
    {
        position = default;
        if (!cursors.TryDecode(cursor, out var text) || text.Split('|') is not ["stall", var ticks, var id]
            || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var utcTicks) || !Guid.TryParse(id, out var orderId))
        {
            return false;
        }

        position = (new DateTimeOffset(utcTicks, TimeSpan.Zero), orderId);
        return true;
    }
}
