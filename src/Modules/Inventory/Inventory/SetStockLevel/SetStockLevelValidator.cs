using FluentValidation;
using OrderManagement.Inventory.Stock;

namespace OrderManagement.Inventory.SetStockLevel;

internal sealed class SetStockLevelRequestValidator : AbstractValidator<SetStockLevelRequest>
{
    public SetStockLevelRequestValidator() =>
        RuleFor(r => r.OnHand).NotNull().WithMessage("onHand is required.")
            .InclusiveBetween(0, SetStockLevelValidator.MaxOnHand).WithMessage($"onHand must be between 0 and {SetStockLevelValidator.MaxOnHand}.");
}

internal sealed class SetStockLevelValidator : AbstractValidator<SetStockLevelCommand>
{
    public const int MaxOnHand = 1_000_000_000;

    public SetStockLevelValidator()
    {
        RuleFor(c => c.Sku).Must(Sku.IsValid).WithMessage("sku must be " + Sku.Rule + ".");
        RuleFor(c => c.OnHand).InclusiveBetween(0, MaxOnHand).WithMessage($"onHand must be between 0 and {MaxOnHand}.");
    }
}
