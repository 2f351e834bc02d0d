using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.RestockReturn;

internal sealed record RestockReturnCommand(Guid ReturnId, Guid OrderId, IReadOnlyList<Contracts.RestockLine> Lines) : ICommand<Unit>;

internal sealed class RestockReturnMessageHandler(IMediator mediator) : IMessageHandler<Contracts.RestockReturn>
{
    public Task HandleAsync(Contracts.RestockReturn message, CancellationToken cancellationToken) =>
        mediator.Send(new RestockReturnCommand(message.ReturnId, message.OrderId, message.Lines), cancellationToken);
}

// Returned units go back on hand once per return: the inbox drops a redelivered message, the restock row (keyed by the
// return) drops a second message for the same return. A SKU without a stock row gets one, so no unit is lost.
internal sealed class RestockReturnHandler(InventoryDbContext db, HistoryLog<InventoryDbContext> history, TimeProvider time) : IRequestHandler<RestockReturnCommand, Unit>
{
    public async Task<Unit> Handle(RestockReturnCommand command, CancellationToken cancellationToken)
    {
        if (await db.ReturnRestocks.AnyAsync(r => r.ReturnId == command.ReturnId, cancellationToken))
        {
            return Unit.Value;
        }

        var now = time.GetUtcNow();
        foreach (var line in command.Lines.Where(l => l.Quantity > 0).OrderBy(l => l.Sku, StringComparer.Ordinal))
        {
            await db.AddOnHandAsync(line.Sku, line.Quantity, now, cancellationToken);
        }

        var units = command.Lines.Sum(l => l.Quantity);
        db.ReturnRestocks.Add(new ReturnRestock { ReturnId = command.ReturnId, OrderId = command.OrderId, Units = units, CreatedAt = now });
        history.Record(command.OrderId, "Stock", command.ReturnId, "StockRestocked", null, null,
            string.Join(", ", command.Lines.Select(l => $"{l.Quantity} x {l.Sku}")) + " back on hand");
        return Unit.Value;
    }
}
