using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Inventory.Persistence;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.GetStockLevel;

internal sealed record GetStockLevelQuery(string Sku) : IQuery<StockLevel>;

internal sealed class GetStockLevelHandler(InventoryDbContext db) : IRequestHandler<GetStockLevelQuery, StockLevel>
{
    public async Task<StockLevel> Handle(GetStockLevelQuery query, CancellationToken cancellationToken)
    {
        var item = await db.StockItems.AsNoTracking().FirstOrDefaultAsync(s => s.Sku == query.Sku, cancellationToken)
            ?? throw new NotFoundException("SKU", query.Sku);
        return StockLevel.From(item);
    }
}
