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
        new(orderId, [.. Validated.Value(Lines).Select(l => Validated.Value(l)).Select(l => new CancelledUnits(Validated.Value(l.Sku), Validated.Value(l.Quantity)))],
            Validated.Value(Reason).Trim(), actor, byOperator);
}

internal sealed record CancelLineRequest(string? Sku, int? Quantity);

internal sealed class CancelLinesValidator : AbstractValidator<CancelLinesRequest>
{
    public CancelLinesValidator()
    {
        RuleFor(r => r.Reason).RequiredText("reason", ReturnLimits.MaxReasonLength);
        RuleFor(r => r.Lines).LinesOfDistinctSkus(l => l.Sku);
        RuleForEach(r => r.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("each line must be an object.")
            .ChildRules(line =>
            {
                line.RuleFor(l => l!.Sku).Sku();
                line.RuleFor(l => l!.Quantity).Units();
            });
    }
}
