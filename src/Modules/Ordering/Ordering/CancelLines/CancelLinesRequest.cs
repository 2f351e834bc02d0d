using FluentValidation;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.PlaceOrder;
using OrderManagement.Ordering.Returns;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.CancelLines;

// The body of POST /api/v1/orders/{orderId}/lines/cancel as sent: every field nullable, so a missing one is a 400; only
// an accepted body becomes a command. Lines: SKUs of the order and units to take off (each SKU once); reason: why.
internal sealed record CancelLinesRequest(List<CancelLineRequest?>? Lines, string? Reason)
{
    public CancelLinesCommand ToCommand(Guid orderId, string actor, bool byOperator) =>
        new(orderId, [.. Validated.Value(Lines).Select(l => new CancelledUnits(Validated.Value(Validated.Value(l).Sku), Validated.Value(l!.Quantity)))],
            Validated.Value(Reason).Trim(), actor, byOperator);
}

internal sealed record CancelLineRequest(string? Sku, int? Quantity);

internal sealed class CancelLinesValidator : AbstractValidator<CancelLinesRequest>
{
    public CancelLinesValidator()
    {
        RuleFor(r => r.Reason).RequiredText("reason", ReturnLimits.MaxReasonLength);
        RuleFor(r => r.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("lines is required.")
            .Must(l => l!.Count is >= 1 and <= PlaceOrderLimits.MaxLines).WithMessage($"lines must hold 1 to {PlaceOrderLimits.MaxLines} lines.")
            .Must(l => RequestReturnValidator.DistinctSkus(l!.Select(x => x?.Sku))).WithMessage("lines must not name the same sku twice.");
        RuleForEach(r => r.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("each line must be an object.")
            .ChildRules(line =>
            {
                line.RuleFor(l => l!.Sku).Cascade(CascadeMode.Stop)
                    .NotEmpty().WithMessage("sku is required.")
                    .Matches(PlaceOrderValidator.SkuPattern()).WithMessage("sku must be 1 to 64 characters of A-Z a-z 0-9 - _ .");
                line.RuleFor(l => l!.Quantity).Cascade(CascadeMode.Stop)
                    .NotNull().WithMessage("quantity is required.")
                    .InclusiveBetween(1, PlaceOrderLimits.MaxQuantity).WithMessage($"quantity must be between 1 and {PlaceOrderLimits.MaxQuantity}.");
            });
    }
}
