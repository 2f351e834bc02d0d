using System.Text.RegularExpressions;
using FluentValidation;
using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Ordering.Validation;

// The rules every order-line-shaped body shares (place order, cancel lines, request and receive a return), so a
// limit or a message changes in one place. Limits: PlaceOrderLimits (api-contract.md, "Place an order").
internal static partial class LineRules
{
    public static IRuleBuilderOptions<T, List<TLine?>?> LinesOfDistinctSkus<T, TLine>(
        this IRuleBuilderInitial<T, List<TLine?>?> rule, Func<TLine, string?> sku) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("lines is required.")
            .Must(l => l!.Count is >= 1 and <= PlaceOrderLimits.MaxLines).WithMessage($"lines must hold 1 to {PlaceOrderLimits.MaxLines} lines.")
            .Must(l => DistinctSkus(l!.Select(x => x is null ? null : sku(x)))).WithMessage("lines must not name the same sku twice.");

    public static IRuleBuilderOptions<T, string?> Sku<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("sku is required.")
            .Matches(SkuPattern()).WithMessage("sku must be 1 to 64 characters of A-Z a-z 0-9 - _ .");

    // least: 1 where a line must move at least one unit, 0 where a line may report none (a return's receipt).
    public static IRuleBuilderOptions<T, int?> Units<T>(this IRuleBuilderInitial<T, int?> rule, int least = 1) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("quantity is required.")
            .InclusiveBetween(least, PlaceOrderLimits.MaxQuantity).WithMessage($"quantity must be between {least} and {PlaceOrderLimits.MaxQuantity}.");

    private static bool DistinctSkus(IEnumerable<string?> skus) =>
        skus.Where(s => s is not null).GroupBy(s => s, StringComparer.Ordinal).All(g => g.Count() == 1);

    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,64}\z")]
    private static partial Regex SkuPattern();
}
