using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.Validation;

namespace OrderManagement.Ordering.CancelOrder;

internal sealed record CancelOrderRequest(string? Reason);

// ByOperator: sent by an operator (API key or console), so it goes to the operators' audit.
internal sealed record CancelOrderCommand(Guid OrderId, string? Reason, string Actor, bool ByOperator = false)
    : ICommand<CancelOrderResult>, IOperatorCommand<CancelOrderResult>
{
    public OperatorActionRecord? Describe(CancelOrderResult result) => ByOperator && !result.AlreadyCancelled && !result.AlreadyRequested
        ? new("CancelOrder", OrderId, "Cancellation requested: the saga gives back what the order holds, then the order is Cancelled.")
        : null;
}

// AlreadyRequested: accepted, but a cancellation was already under way and this one recorded nothing (a form sent
// twice): it is no new action, so it is not audited, and the console says so instead of "cancellation requested".
internal sealed record CancelOrderResult(OrderView Order, bool AlreadyCancelled, bool AlreadyRequested = false);

internal sealed class CancelOrderValidator : AbstractValidator<CancelOrderCommand>
{
    // An operator's cancel goes to the audit with its reason, as every operator action does (issue 15 point 10); a
    // storefront's reason is optional (shared/api-contract.md, Orders).
    public CancelOrderValidator()
    {
        RuleFor(c => c.Reason).OptionalText("reason", 500).When(c => !c.ByOperator);
        RuleFor(c => c.Reason).RequiredText("reason", 500).When(c => c.ByOperator);
    }
}

internal sealed class CancelOrderHandler(OrderingDbContext db, OrderFulfilment fulfilment) : IRequestHandler<CancelOrderCommand, CancelOrderResult>
{
    public async Task<CancelOrderResult> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        var saga = await db.Sagas.FirstAsync(s => s.OrderId == command.OrderId, cancellationToken);
        var accepted = fulfilment.RequestCancellation(order, saga, command.Actor, command.Reason);
        var recorded = db.ChangeTracker.Entries<HistoryRecord>().Any(e => e.State == EntityState.Added);
        return new CancelOrderResult(OrderView.From(order), AlreadyCancelled: !accepted, AlreadyRequested: accepted && !recorded);
    }
}
