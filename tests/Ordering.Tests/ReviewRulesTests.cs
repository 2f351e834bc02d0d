using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;
using OrderManagement.Ordering.PlaceOrder;
using OrderManagement.Ordering.Review;

namespace OrderManagement.Ordering.Tests;

// The review rules (ADR 0018) against real orders in the database: which rules an order matches with given settings.
public sealed class ReviewRulesTests(OrderingModuleFixture fixture) : OrderingTest(fixture)
{
    private static readonly ReviewOptions Rules = new()
    {
        Enabled = true, TotalThreshold = 1_000, NewCustomerThreshold = 200, Countries = "NG,RU",
    };

    [Fact]
    public async Task Given_review_disabled_When_an_order_matches_every_rule_Then_it_matches_none()
    {
        var orderId = await PlaceAsync("cust-new", 5_000m, "NG");

        (await MatchAsync(orderId, new ReviewOptions { Enabled = false, TotalThreshold = 0, NewCustomerThreshold = 0, Countries = "NG" })).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1_000.01, true)]
    [InlineData(1_000.00, false)]
    public async Task Given_the_total_threshold_When_an_order_of_a_known_customer_is_reviewed_Then_only_a_total_above_it_matches(decimal total, bool held)
    {
        await ConfirmedOrderAsync(); // cust-42 has a Confirmed order: not new
        var orderId = await PlaceAsync("cust-42", total, "GB");

        var reasons = await MatchAsync(orderId, Rules);

        reasons.Any(r => r.Contains("Review:TotalThreshold", StringComparison.Ordinal)).ShouldBe(held);
        reasons.ShouldNotContain(r => r.Contains("Review:NewCustomerThreshold", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_customer_with_no_confirmed_order_When_their_order_is_above_the_new_customer_threshold_Then_it_matches()
    {
        var rejected = await PlaceAsync("cust-new", 50m, "GB");
        await ReplyAsync(new StockReservationRejected(rejected, "Out of stock."));
        var orderId = await PlaceAsync("cust-new", 200.01m, "GB");

        var reasons = await MatchAsync(orderId, Rules);

        reasons.ShouldHaveSingleItem().ShouldContain("Review:NewCustomerThreshold");
    }

    [Fact]
    public async Task Given_a_customer_whose_earlier_order_was_confirmed_When_they_order_above_the_new_customer_threshold_Then_it_does_not_match()
    {
        await ConfirmedOrderAsync();
        var orderId = await PlaceAsync("cust-42", 500m, "GB");

        (await MatchAsync(orderId, Rules)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("NG", true)]
    [InlineData("RU", true)]
    [InlineData("GB", false)]
    public async Task Given_a_country_list_When_an_order_ships_to_a_country_Then_it_matches_only_a_listed_one(string country, bool held)
    {
        await ConfirmedOrderAsync();
        var orderId = await PlaceAsync("cust-42", 10m, country);

        var reasons = await MatchAsync(orderId, Rules);

        reasons.Any(r => r == $"ships to {country} (Review:Countries)").ShouldBe(held);
        reasons.Count.ShouldBe(held ? 1 : 0);
    }

    private async Task<Guid> PlaceAsync(string customerId, decimal total, string country) =>
        (await Host.SendAsync(new PlaceOrderCommand(customerId, "EUR", [new PlaceOrderCommand.Line("TSHIRT-RED-M", 1, total)],
            new ShippingAddress("Ada Lovelace", "1 Main St", null, "Lagos", "100001", country), "card", "tok_visa"))).OrderId;

    private Task<IReadOnlyList<string>> MatchAsync(Guid orderId, ReviewOptions options) =>
        Host.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<OrderingDbContext>();
            var order = await db.Orders.SingleAsync(o => o.Id == orderId);
            return await new ReviewRules(db, new FixedOptions(options)).MatchAsync(order, CancellationToken.None);
        });

    private sealed class FixedOptions(ReviewOptions value) : IOptionsMonitor<ReviewOptions>
    {
        public ReviewOptions CurrentValue => value;

        public ReviewOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ReviewOptions, string?> listener) => null;
    }
}
