using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Operations;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.Review;

// The body of /review/approve as sent: optional, and so is its reason. A rejection's body is an OperatorActionRequest
// (its reason is required, validated before it is mapped).
internal sealed record ReviewApprovalRequest(string? Reason)
{
    public ApproveReviewCommand ToCommand(Guid orderId, string actor) => new(orderId, Reason, actor);
}

internal static class ReviewRequests
{
    public static RejectReviewCommand ToRejectReview(this OperatorActionRequest request, Guid orderId, string actor) =>
        new(orderId, Validated.Value(request.Reason), actor);
}

// An operator approves a held order: the saga goes on to the payment. Audited; the reason is optional.
internal sealed record ApproveReviewCommand(Guid OrderId, string? Reason, string Actor) : ICommand<OrderView>, IOperatorCommand<OrderView>
{
    public OperatorActionRecord Describe(OrderView result) => new("ApproveReview", OrderId, "Approved in review: the payment is authorized next.");
}

// An operator rejects a held order: its stock is released and it ends Rejected / RejectedInReview. Audited.
internal sealed record RejectReviewCommand(Guid OrderId, string Reason, string Actor) : ICommand<OrderView>, IOperatorCommand<OrderView>
{
    public OperatorActionRecord Describe(OrderView result) => new("RejectReview", OrderId, "Rejected in review: the stock is released and the order is Rejected.");
}

internal sealed class ApproveReviewValidator : AbstractValidator<ApproveReviewCommand>
{
    public ApproveReviewValidator() => RuleFor(c => c.Reason).OptionalText("reason", 500);
}

internal sealed class RejectReviewValidator : AbstractValidator<RejectReviewCommand>
{
    public RejectReviewValidator() => RuleFor(c => c.Reason).RequiredText("reason", 500);
}

internal sealed class DecideReviewHandler(OrderingDbContext db, OrderFulfilment fulfilment, ReviewDesk desk)
    : IRequestHandler<ApproveReviewCommand, OrderView>, IRequestHandler<RejectReviewCommand, OrderView>
{
    public Task<OrderView> Handle(ApproveReviewCommand command, CancellationToken cancellationToken) =>
        DecideAsync(command.OrderId, approve: true, command.Actor, command.Reason, cancellationToken);

    public Task<OrderView> Handle(RejectReviewCommand command, CancellationToken cancellationToken) =>
        DecideAsync(command.OrderId, approve: false, command.Actor, command.Reason, cancellationToken);

    private async Task<OrderView> DecideAsync(Guid orderId, bool approve, string actor, string? reason, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new NotFoundException("Order", orderId.ToString());
        var saga = await db.Sagas.FirstAsync(s => s.OrderId == orderId, cancellationToken);
        await desk.DecideAsync(fulfilment, order, saga, approve, actor, reason, cancellationToken);
        return OrderView.From(order);
    }
}
