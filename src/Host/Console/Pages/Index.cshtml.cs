using Microsoft.AspNetCore.Mvc.RazorPages;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console.Pages;

public sealed class OverviewModel(IOrderOperationsQueries orders, OutboxInspector outboxes) : PageModel
{
    public const int RefreshSeconds = 15;

    public OrderFigures Figures { get; private set; } = null!;

    public IReadOnlyList<OutboxFigures> Outboxes { get; private set; } = [];

    // In lifecycle order.
    public IReadOnlyList<OrderStatus> OrderStatuses { get; } = Enum.GetValues<OrderStatus>();

    public long OrderCount(OrderStatus status) => Figures.OrdersByStatus.FirstOrDefault(c => c.Status == status)?.Count ?? 0;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Figures = await orders.GetFiguresAsync(cancellationToken);
        Outboxes = await outboxes.FiguresAsync(cancellationToken);
    }
}
