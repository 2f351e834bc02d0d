using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.SetStockLevel;

// On-hand may never drop below what is reserved: the update itself carries that condition.
internal sealed class SetStockLevelHandler(InventoryDbContext db) : IRequestHandler<SetStockLevelCommand, StockLevel>
{
    public async Task<StockLevel> Handle(SetStockLevelCommand command, CancellationToken cancellationToken)
    {
        var onHand = command.OnHand!.Value;
        var now = db.Time.GetUtcNow();
        if (await db.TrySetOnHandAsync(command.Sku, onHand, now, cancellationToken) == 0)
        {
            var existing = await db.StockItems.AsNoTracking().FirstOrDefaultAsync(s => s.Sku == command.Sku, cancellationToken);
            if (existing is not null)
            {
                throw new ConflictException(
                    $"onHand {onHand} is below the {existing.Reserved} units of '{command.Sku}' reserved by open orders; set at least {existing.Reserved}.",
                    "stock-below-reserved");
            }

            db.StockItems.Add(new StockItem { Sku = command.Sku, OnHand = onHand, UpdatedAt = now });
            await db.SaveChangesAsync(cancellationToken);
        }

        var item = await db.StockItems.AsNoTracking().FirstAsync(s => s.Sku == command.Sku, cancellationToken);
        return StockLevel.From(item);
    }
}
