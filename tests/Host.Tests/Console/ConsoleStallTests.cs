using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Console;

// Payments never answers here (UnansweredPaymentApiFactory): the saga fails at AuthorizePayment and is stalled.
[Collection(UnansweredPaymentCollection.Name)]
public sealed class ConsoleStallTests(UnansweredPaymentApiFactory api) : StockedApiTests(api, "STALL-SKU", 10)
{
    [Fact]
    public async Task Given_an_unanswered_payment_When_stalls_are_listed_Then_the_order_is_there_with_the_reason_in_words_on_the_api_and_the_pages()
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_timeout", (Sku, 1, 10m)));
        await Poller.UntilAsync(async () => (await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}")).Text("status") == "Failed",
            "the saga failed", FulfilmentProbes.Patience);

        var stalls = await Operator.GetJsonAsync("/api/v1/ops/stalls?limit=10");
        var console = ConsoleClient.For(api);
        await console.SignInAsync(ApiFactory.OperatorKey);
        var stallsPage = await console.Http.GetStringAsync("/ops/stalls");
        var orderPage = await console.Http.GetStringAsync($"/ops/orders/{orderId}");

        var stall = stalls["items"]!.AsArray().OfType<JsonObject>().Single(s => s.Text("orderId") == orderId.ToString());
        stall.Text("step").ShouldBe("AuthorizePayment");
        stall.Text("fromModule").ShouldBe("Payments");
        // Issue 11 (defects 1, 2): Payments is still retrying, so the order is not stuck for good, and the reason says when
        // Payments tries next; saga step attempts and provider attempts are both named, never a bare "attempts".
        var reason = stall.Text("reason")!;
        reason.ShouldStartWith("Failed while waiting for the payment authorization from Payments (step attempts 2 of 2: the saga sent AuthorizePayment 2 times");
        reason.ShouldNotContain("Nothing more happens by itself");
        reason.ShouldMatch(@"Payments keeps calling the payment provider \(provider attempts \d+ of 1000 so far; the next (now|at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC)");
        reason.ShouldContain("all 1000 provider attempts fail the order is rejected");
        var decoded = WebUtility.HtmlDecode(orderPage);
        decoded.ShouldContain("<td id=\"saga-attempts\">2 of 2 (the saga sent AuthorizePayment 2 times)</td>");
        decoded.ShouldMatch(@"provider attempts \d+ of 1000 \(calls to the payment provider\)");
        foreach (var text in new[] { reason, decoded })
        {
            text.ShouldNotMatch(@"(?<!Provider |step |Step )\b[Aa]ttempt \d+ of|\(\d+ attempts", "every count says whether it counts step or provider attempts");
        }
        stallsPage.ShouldContain(orderId.ToString());
        stallsPage.ShouldContain("Failed while waiting for the payment authorization from Payments");
        orderPage.ShouldContain("id=\"stall-reason\"");
        foreach (var (text, where) in new[] { (stall.Text("reason")!, "the stall's reason"), (stallsPage, "the stalls page"), (orderPage, "the order page") })
        {
            text.ShouldNotMatch(ApiCall, $"{where} must say what to do in words that fit the console and the API alike, not name an HTTP call");
        }

        (await Operator.GetAsync("/api/v1/ops/stalls?limit=0")).StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await Storefront.GetAsync("/api/v1/ops/stalls")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);

        await Storefront.CancelAsync(orderId);
        await Storefront.WaitForStatusAsync(orderId, "Cancelled");
    }

    private const string ApiCall = @"\b(GET|POST|PUT|PATCH|DELETE) /|/api/v1";
}
