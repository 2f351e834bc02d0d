using FluentValidation;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.PlaceOrder;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.Returns;

// The bodies as sent: every field nullable, so a missing one is a validation error; only accepted bodies become commands.
internal sealed record RequestReturnRequest(string? Reason, List<ReturnLineRequest?>? Lines)
{
    public RequestReturnCommand ToCommand(Guid orderId, string actor) =>
        new(orderId, Validated.Value(Reason).Trim(), [.. Validated.Value(Lines).Select(l => Validated.Value(l)).Select(l => (Validated.Value(l.Sku), Validated.Value(l.Quantity)))], actor);
}

internal sealed record ReturnLineRequest(string? Sku, int? Quantity);

internal sealed record ReceiveReturnRequest(List<ReceivedLineRequest?>? Lines)
{
    public ReceiveReturnCommand ToCommand(Guid returnId, string actor) =>
        new(returnId, [.. Validated.Value(Lines).Select(l => Validated.Value(l))
            .Select(l => (Validated.Value(l.Sku), Validated.Value(l.Quantity), Validated.Value(l.Restock)))], actor);
}

internal sealed record ReceivedLineRequest(string? Sku, int? Quantity, bool? Restock);

internal sealed record RejectReturnRequest(string? Reason);

internal static class ReturnLimits
{
    public const int MaxReasonLength = 500;
}

internal sealed class RequestReturnValidator : AbstractValidator<RequestReturnRequest>
{
    public RequestReturnValidator()
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

internal sealed class ReceiveReturnValidator : AbstractValidator<ReceiveReturnRequest>
{
    public ReceiveReturnValidator()
    {
        RuleFor(r => r.Lines).LinesOfDistinctSkus(l => l.Sku)
            .Must(l => l is not null && l.Sum(x => x?.Quantity ?? 0) >= 1).WithMessage("lines must receive at least one unit; reject the return when none arrived.");
        RuleForEach(r => r.Lines).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("each line must be an object.")
            .ChildRules(line =>
            {
                line.RuleFor(l => l!.Sku).NotEmpty().WithMessage("sku is required.");
                line.RuleFor(l => l!.Quantity).Units(least: 0);
                line.RuleFor(l => l!.Restock).NotNull().WithMessage("restock is required (true: the units go back to stock).");
            });
    }
}

internal sealed class RejectReturnValidator : AbstractValidator<RejectReturnRequest>
{
    public RejectReturnValidator() => RuleFor(r => r.Reason).RequiredText("reason", ReturnLimits.MaxReasonLength);
}
