using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Returns;

internal sealed record RequestReturnCommand(Guid OrderId, string Reason, IReadOnlyList<(string Sku, int Quantity)> Lines, string Actor)
    : ICommand<ReturnView>;

// A return asks for units that were delivered and are in no other open, received or refunded return. The returns of
// one order are weighed one after the other (a transaction lock per order), so two requests at once for the same unit
// cannot both pass: the second sees the first and is a 409.
internal sealed class RequestReturnHandler(
    OrderingDbContext db, HistoryLog<OrderingDbContext> history, TimeProvider time, TransactionLocks<OrderingDbContext> locks)
    : IRequestHandler<RequestReturnCommand, ReturnView>
{
    public async Task<ReturnView> Handle(RequestReturnCommand command, CancellationToken cancellationToken)
    {
        await locks.LockAsync("returns-of-order:" + command.OrderId.ToString("N"), cancellationToken);
        var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == command.OrderId, cancellationToken)
            ?? throw new NotFoundException("Order", command.OrderId.ToString());
        OrderStateMachine.EnsurePermitted(order, OrderTrigger.Return); // order-not-delivered unless Delivered

        var taken = await ReturnableUnits.TakenAsync(db, order.Id, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var lines = new List<ReturnLine>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var (sku, quantity) = command.Lines[i];
            var line = order.Lines.FirstOrDefault(l => l.Sku == sku);
            if (line is null)
            {
                errors[$"lines[{i}].sku"] = [$"sku {sku} is not on order {order.Id}."];
                continue;
            }

            var delivered = ReturnableUnits.Delivered(order, line);
            if (quantity > delivered)
            {
                errors[$"lines[{i}].quantity"] = [$"quantity must be at most {delivered}, the units of {sku} delivered."];
                continue;
            }

            var left = delivered - taken.GetValueOrDefault(sku);
            if (quantity > left)
            {
                throw new ConflictException(
                    $"Only {left} of the {delivered} delivered units of {sku} can still be returned; the others are in another return of this order.",
                    "units-already-returned");
            }

            lines.Add(new ReturnLine(sku, quantity, line.UnitPrice));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var @return = Return.Request(order.Id, command.Reason, lines, command.Actor, time.GetUtcNow(), history);
        db.Returns.Add(@return);
        return ReturnView.From(@return);
    }
}
