using System.Globalization;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;

namespace OrderManagement.Ordering.Fulfilment;

// What the module that owns a step last recorded about the order, read through its query interface: the cause a
// failed saga states (a provider timeout, a rejection) instead of a guess.
internal sealed class StepRecords(IInventoryQueries inventory, IPaymentQueries payments, IShippingQueries shipping)
{
    public async Task<string?> LastAsync(Guid orderId, SagaStep step, CancellationToken cancellationToken)
    {
        var last = SagaDefinition.Of(step).Owner switch
        {
            "Inventory" =>
                (await inventory.GetOrderHistoryAsync(orderId, cancellationToken)).Select(e => (e.OccurredAt, e.Event, e.Detail)).LastOrDefault(),
            "Payments" =>
                (await payments.GetOrderHistoryAsync(orderId, cancellationToken)).Select(e => (e.OccurredAt, e.Event, e.Detail)).LastOrDefault(),
            "Shipping" =>
                (await shipping.GetOrderHistoryAsync(orderId, cancellationToken)).Select(e => (e.OccurredAt, e.Event, e.Detail)).LastOrDefault(),
            _ => default,
        };
        return last.Event is null
            ? null
            : $"{last.Event} at {last.OccurredAt.ToString("O", CultureInfo.InvariantCulture)}" + (last.Detail is null ? "" : $" ({last.Detail})");
    }
}
