using FluentValidation;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.SetStockLevel;

internal sealed class SetStockLevelValidator : AbstractValidator<SetStockLevelCommand>
{
    public SetStockLevelValidator()
    {
        RuleFor(c => c.Sku).Must(Sku.IsValid).WithMessage("sku must be " + Sku.Rule + ".");
        RuleFor(c => c.OnHand).NotNull().WithMessage("onHand is required.")
            .InclusiveBetween(0, 1_000_000_000).WithMessage("onHand must be between 0 and 1000000000.");
    }
}
