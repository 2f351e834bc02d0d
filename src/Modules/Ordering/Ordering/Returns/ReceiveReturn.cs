using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Payments.Contracts;

namespace OrderManagement.Ordering.Returns;

// Received: per SKU the units that arrived (0 to the units returned) and whether they go back to stock.
internal sealed record ReceiveReturnCommand(Guid ReturnId, IReadOnlyList<(string Sku, int Quantity, bool Restock)> Lines, string Actor)
    : ICommand<ReturnView>, IOperatorCommand<ReturnView>
{
    string? IOperatorCommand<ReturnView>.Reason => null;

    public OperatorActionRecord? Describe(ReturnView result) =>
        new("ReceiveReturn", result.OrderId, $"Return {ReturnId} received; a refund of {result.RefundAmount} is requested from Payments.");
}

// The return goes Received and, in the same transaction (the outbox), the restocked units go to Inventory and the refund
// of the received units to Payments: both are keyed by the return, so neither happens twice. A second receive of the
// same return is refused by the machine (409); two at once meet on the return's version, and the later one is refused.
internal sealed class ReceiveReturnHandler(
    OrderingDbContext db, OutboxPublisher<OrderingDbContext> outbox, HistoryLog<OrderingDbContext> history, TimeProvider time)
    : IRequestHandler<ReceiveReturnCommand, ReturnView>
{
    public async Task<ReturnView> Handle(ReceiveReturnCommand command, CancellationToken cancellationToken)
    {
        var @return = await db.Returns.FirstOrDefaultAsync(r => r.Id == command.ReturnId, cancellationToken)
            ?? throw new NotFoundException("Return", command.ReturnId.ToString());
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < command.Lines.Count; i++)
        {
            var (sku, quantity, _) = command.Lines[i];
            var line = @return.Lines.FirstOrDefault(l => l.Sku == sku);
            if (line is null)
            {
                errors[$"lines[{i}].sku"] = [$"sku {sku} is not in return {@return.Id}."];
            }
            else if (quantity > line.Quantity)
            {
                errors[$"lines[{i}].quantity"] = [$"quantity must be at most {line.Quantity}, the units of {sku} returned."];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        // Tracked so that the webhook event of this history entry carries the order.
        _ = await db.Orders.FirstAsync(o => o.Id == @return.OrderId, cancellationToken);
        var refund = @return.Receive(command.Lines.ToDictionary(l => l.Sku, l => (l.Quantity, l.Restock), StringComparer.Ordinal), time.GetUtcNow(), history);
        var restocked = @return.Lines
            .Select(l => l is { Restock: true, ReceivedQuantity: int received and > 0 } ? new RestockLine(l.Sku, received) : null)
            .OfType<RestockLine>().ToList();
        if (restocked.Count > 0)
        {
            outbox.Publish(new RestockReturn(@return.Id, @return.OrderId, restocked));
        }

        outbox.Publish(new RefundPayment(@return.OrderId, @return.Id, refund));
        return ReturnView.From(@return);
    }
}
