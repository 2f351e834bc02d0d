using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.SetStockLevel;

// On-hand may never drop below what is reserved: the statement itself carries that condition. When it refuses,
// the reserved figure is read to say why; if reservations were released in between, the update is simply tried again.
internal sealed class SetStockLevelHandler(InventoryDbContext db, TimeProvider time) : IRequestHandler<SetStockLevelCommand, StockLevel>
{
    private const int Attempts = 5;

    public async Task<StockLevel> Handle(SetStockLevelCommand command, CancellationToken cancellationToken)
    {
        var onHand = command.OnHand;
        for (var attempt = 1; ; attempt++)
        {
            if (await db.TrySetOnHandAsync(command.Sku, onHand, time.GetUtcNow(), cancellationToken) is { } written)
            {
                return StockLevel.From(written);
            }

            var reserved = await db.StockItems.AsNoTracking().Where(s => s.Sku == command.Sku).Select(s => s.Reserved).SingleAsync(cancellationToken);
            if (reserved > onHand)
            {
                throw new ConflictException(
                    $"onHand {onHand} is below the {reserved} units of '{command.Sku}' reserved by open orders; set at least {reserved}.",
                    "stock-below-reserved");
            }

            if (attempt == Attempts)
            {
                throw new ConflictException(
                    $"The reservations of '{command.Sku}' kept changing while onHand was being set; repeat the request.",
                    "concurrent-update");
            }
        }
    }
}
