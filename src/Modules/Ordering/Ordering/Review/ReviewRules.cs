using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Review;

// Which review rules an order matches, with the settings as they are now; none: it goes straight through.
internal sealed class ReviewRules(OrderingDbContext db, IOptionsMonitor<ReviewOptions> options)
{
    public async Task<IReadOnlyList<string>> MatchAsync(Order order, CancellationToken cancellationToken)
    {
        var rules = options.CurrentValue;
        if (!rules.Enabled)
        {
            return [];
        }

        var reasons = new List<string>();
        if (order.Total > rules.TotalThreshold)
        {
            reasons.Add($"total {Amount(order.Total)} {order.Currency} is above {Amount(rules.TotalThreshold)} (Review:TotalThreshold)");
        }

        if (order.Total > rules.NewCustomerThreshold && await IsNewCustomerAsync(order, cancellationToken))
        {
            reasons.Add($"new customer with a total above {Amount(rules.NewCustomerThreshold)} (Review:NewCustomerThreshold)");
        }

        if (rules.CountryList.Contains(order.ShippingAddress.Country, StringComparer.Ordinal))
        {
            reasons.Add($"ships to {order.ShippingAddress.Country} (Review:Countries)");
        }

        return reasons;
    }

    private async Task<bool> IsNewCustomerAsync(Order order, CancellationToken cancellationToken) =>
        !await db.Orders.AnyAsync(o => o.CustomerId == order.CustomerId && o.Id != order.Id
            && (o.Status == OrderStatus.Confirmed || o.Status == OrderStatus.Shipped || o.Status == OrderStatus.Delivered), cancellationToken);

    private static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
