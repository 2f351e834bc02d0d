using System.Net;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Observability;

// Issue 17 fault 3: a host whose own clock is off says so in readiness; what it schedules and records is dated by the
// database's clock all the same.
public sealed class SkewedClockReadinessTests(SkewedClockApiFactory api) : IClassFixture<SkewedClockApiFactory>
{
    [Fact]
    public async Task Given_a_host_clock_5_minutes_ahead_When_readiness_is_asked_Then_it_is_503_naming_the_clock_and_an_order_is_dated_by_the_database()
    {
        var client = api.CreateClient();

        var response = await client.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body["checks"]!["clock"]!.Text("status").ShouldBe("not-ready");
        body["checks"]!["clock"]!.Text("reason").ShouldNotBeNull().ShouldContain("ahead of the database's clock");
        body["checks"]!["database"]!.Text("status").ShouldBe("ready");
        await api.ResetAsync();
        await api.Operator().SetStockAsync("CLOCK-SKU", 5);
        var orderId = await api.Storefront().PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", ("CLOCK-SKU", 1, 10m)));
        var history = await api.Storefront().WaitForHistoryAsync(orderId, "PaymentAuthorized");
        history.ShouldAllBe(e => DateTimeOffset.Parse(e.Text("occurredAt")!, System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30),
            "no entry is dated by the host's clock, 5 minutes ahead");
    }

    // The test above cannot see it (only the keyed host clock is shifted, the machine's is right), faketime on a real
    // host could (build/skewed-host-test.sh): a framework part had registered TimeProvider.System first, so the host's
    // TimeProvider was its own clock and it dated outbox rows and deadlines 5 minutes ahead.
    [Fact]
    public void Given_the_real_host_When_its_TimeProvider_is_resolved_Then_it_is_the_database_clock_not_the_machine_s()
    {
        var time = api.Services.GetRequiredService<TimeProvider>();

        time.ShouldNotBeSameAs(TimeProvider.System);
        time.GetType().Name.ShouldBe("DatabaseClock");
    }
}
