using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrderManagement.BuildingBlocks.Persistence;

/// <summary>
/// The one store type of money in every module's tables: 12 integer digits and 2 decimals, enough for the largest
/// order total the API accepts (Ordering.Contracts' PlaceOrderLimits.MaxTotal, 100,000,000,000.00). Messages carry
/// money as <see cref="decimal"/>. An architecture test checks every decimal column against this and that limit.
/// </summary>
public static class MoneyColumn
{
    public const string StoreType = "numeric(14,2)";

    public static PropertyBuilder<decimal> IsMoney(this PropertyBuilder<decimal> property) => property.HasColumnType(StoreType);
}
