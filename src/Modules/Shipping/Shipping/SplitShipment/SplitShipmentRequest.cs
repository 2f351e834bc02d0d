using FluentValidation;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Shipping.Shipments;

namespace OrderManagement.Shipping.SplitShipment;

// The body of POST /api/v1/orders/{orderId}/shipments as sent: nullable so that a missing field is a 400
// (SplitShipmentValidator), not a binder error. Lines: SKUs of the order and units to take out of what is not yet
// dispatched; a SKU at most once.
internal sealed record SplitShipmentRequest(List<SplitShipmentLine?>? Lines)
{
    public SplitShipmentCommand ToCommand(Guid orderId) =>
        new(orderId, [.. Validated.Value(Lines).Select(l => Validated.Value(l)).Select(l => new ShipmentLineItem(Validated.Value(l.Sku), Validated.Value(l.Quantity)))]);
}

internal sealed record SplitShipmentLine(string? Sku, int? Quantity);

internal sealed class SplitShipmentValidator : AbstractValidator<SplitShipmentRequest>
{
    public const int MaxLines = 100;

    public SplitShipmentValidator()
    {
        RuleFor(r => r.Lines).NotNull().WithMessage("lines is required.")
            .Must(l => l is null || l.Count is > 0 and <= MaxLines).WithMessage($"lines must hold 1 to {MaxLines} lines.")
            .Must(l => l is null || l.Select(x => x?.Sku).OfType<string>().GroupBy(sku => sku, StringComparer.Ordinal).All(g => g.Count() == 1))
            .WithMessage("lines must name each sku at most once.");
        RuleForEach(r => r.Lines).NotNull().WithMessage("a line is required.").ChildRules(line =>
        {
            line.RuleFor(l => l!.Sku).NotEmpty().WithMessage("sku is required.").MaximumLength(64)
                .Must(s => s is null || !s.Contains('\0', StringComparison.Ordinal)).WithMessage("sku must not contain NUL characters.");
            line.RuleFor(l => l!.Quantity).NotNull().WithMessage("quantity is required.")
                .InclusiveBetween(1, 1_000_000).WithMessage("quantity must be from 1 to 1000000.");
        });
    }
}
