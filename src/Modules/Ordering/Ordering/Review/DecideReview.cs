using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.Review;

// The bodies of /review/approve (optional, and so is its reason) and /review/reject (its reason is required).
internal sealed record ReviewApprovalRequest(string? Reason)
{
    public DecideReviewCommand ToCommand(Guid orderId, string actor) => new(orderId, Approve: true, Reason, actor);
}

internal sealed record ReviewRejectionRequest(string? Reason)
{
    public DecideReviewCommand ToCommand(Guid orderId, string actor) => new(orderId, Approve: false, Reason, actor);
}

// An operator approves (the saga goes on to the payment) or rejects (the stock is released, the order Rejected
// RejectedInReview) a held order; both go to the operators' audit. A rejection needs a reason.
internal sealed record DecideReviewCommand(Guid OrderId, bool Approve, string? Reason, string Actor) : ICommand<OrderView>, IOperatorCommand<OrderView>
{
    public OperatorActionRecord Describe(OrderView result) => Approve
        ? new("ApproveReview", OrderId, "Approved in review: the payment is authorized next.")
        : new("RejectReview", OrderId, "Rejected in review: the stock is released and the order is Rejected.");
}

internal sealed class DecideReviewValidator : AbstractValidator<DecideReviewCommand>
{
    public DecideReviewValidator()
    {
        RuleFor(c => c.Reason).RequiredText("reason", 500).When(c => !c.Approve);
        RuleFor(c => c.Reason).OptionalText("reason", 500).When(c => c.Approve);
    }
}

internal sealed class DecideReviewHandler(OrderingDbContext db, OrderFulfilment fulfilment, ReviewDesk desk) : IRequestHandler<DecideReviewCommand, OrderView>
{
    public async Task<OrderView> Handle(DecideReviewCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        var saga = await db.Sagas.FirstAsync(s => s.OrderId == command.OrderId, cancellationToken);
        desk.Decide(fulfilment, order, saga, command.Approve, command.Actor, command.Reason);
        return OrderView.From(order);
    }
}
