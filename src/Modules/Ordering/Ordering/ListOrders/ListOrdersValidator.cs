using FluentValidation;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.ListOrders;

internal sealed class ListOrdersValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersValidator(CursorCodec cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
        RuleFor(q => q.Status).Must(s => s is null || s.Value is not null).WithMessage(EnumFilter<OrderStatus>.MustBeOneOf("status"));
        RuleFor(q => q.CustomerId).Cascade(CascadeMode.Stop)
            .MaximumLength(64).WithMessage("customerId must be at most 64 characters.")
            .Must(TextRules.IsWellFormed).WithMessage("customerId must be valid Unicode text.");
        RuleFor(q => q.Cursor)
            .Must(c => c is null || cursors.TryDecodeSequence(c, out _))
            .WithMessage("cursor was not issued by this API; pass the nextCursor of a previous page.");
    }
}
