using System.Net;
using System.Text.Json.Nodes;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Operations;

[Collection(ApiCollection.Name)]
public sealed class SagaOperationsTests(ApiFactory api) : StockedApiTests(api, "OPS-SKU", 100)
{
    [Fact]
    public async Task Given_a_confirmed_order_When_completed_sagas_are_listed_Then_its_saga_is_there_with_every_field()
    {
        var orderId = await PlaceAsync("tok_visa", "Confirmed");

        var page = await Operator.GetJsonAsync("/api/v1/ops/sagas?status=Completed");

        page.ContainsKey("nextCursor").ShouldBeTrue();
        var saga = page["items"]!.AsArray().Select(s => s!.AsObject()).Single(s => s.Text("orderId") == orderId.ToString());
        AssertCompleted(saga);
    }

    [Fact]
    public async Task Given_a_confirmed_order_When_its_saga_is_read_Then_it_is_completed_and_waits_for_nothing()
    {
        var orderId = await PlaceAsync("tok_visa", "Confirmed");

        var saga = await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}");

        saga.Text("orderId").ShouldBe(orderId.ToString());
        AssertCompleted(saga);
    }

    [Fact]
    public async Task Given_sagas_that_ended_differently_When_filtered_by_status_Then_only_that_status_is_listed()
    {
        var confirmed = await PlaceAsync("tok_visa", "Confirmed");
        var declined = await PlaceAsync("tok_declined", "Rejected");

        var compensated = await ItemsAsync("/api/v1/ops/sagas?status=Compensated");
        var completed = await ItemsAsync("/api/v1/ops/sagas?status=Completed");

        compensated.Select(s => s.Text("orderId")).ShouldBe([declined.ToString()]);
        compensated.ShouldAllBe(s => s.Text("status") == "Compensated");
        completed.Select(s => s.Text("orderId")).ShouldBe([confirmed.ToString()]);
        (await ItemsAsync("/api/v1/ops/sagas?status=Failed")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_an_unknown_order_When_its_saga_is_read_Then_404()
    {
        var response = await Operator.GetAsync($"/api/v1/ops/sagas/{Guid.NewGuid()}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_an_unknown_order_When_its_saga_is_retried_Then_404()
    {
        var response = await Operator.RetrySagaAsync(Guid.NewGuid(), "on-call check");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_completed_saga_When_it_is_retried_Then_409_and_nothing_changes()
    {
        var orderId = await PlaceAsync("tok_visa", "Confirmed");
        var before = await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}");

        var response = await Operator.RetrySagaAsync(orderId, "on-call check");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await Operator.GetJsonAsync($"/api/v1/ops/sagas/{orderId}")).ToJsonString().ShouldBe(before.ToJsonString());
        (await Storefront.GetJsonAsync($"/api/v1/orders/{orderId}")).Status().ShouldBe("Confirmed");
    }

    [Fact]
    public async Task Given_a_compensated_saga_When_it_is_retried_Then_409()
    {
        var orderId = await PlaceAsync("tok_declined", "Rejected");

        var response = await Operator.RetrySagaAsync(orderId, "on-call check");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("status=Bogus")]
    [InlineData("status=completed")]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=ten")]
    [InlineData("stuckForSeconds=-1")]
    [InlineData("cursor=not-a-cursor-we-issued")]
    public async Task Given_a_bad_query_When_sagas_are_listed_Then_400(string query)
    {
        var response = await Operator.GetAsync($"/api/v1/ops/sagas?{query}");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Given_only_finished_sagas_When_stuck_sagas_are_listed_Then_none_is_listed()
    {
        await PlaceAsync("tok_visa", "Confirmed");
        await PlaceAsync("tok_declined", "Rejected");

        (await ItemsAsync("/api/v1/ops/sagas?stuckForSeconds=0")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_more_sagas_than_a_page_When_the_pages_are_walked_Then_every_saga_appears_exactly_once()
    {
        var orderIds = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            orderIds.Add((await PlaceAsync(i % 3 == 0 ? "tok_declined" : "tok_visa", i % 3 == 0 ? "Rejected" : "Confirmed")).ToString());
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Operator.GetJsonAsync("/api/v1/ops/sagas?limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var items = page["items"]!.AsArray();
            items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(items.Select(s => s!.AsObject().Text("orderId")!));
            cursor = page.Text("nextCursor");
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        seen.ShouldBeUnique();
        seen.ShouldBe(orderIds, ignoreOrder: true);
    }

    private async Task<Guid> PlaceAsync(string token, string outcome)
    {
        var orderId = await Storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody(token, (Sku, 1, 10m)));
        var order = await Storefront.WaitForOutcomeAsync(orderId);
        order.Status().ShouldBe(outcome);
        return orderId;
    }

    private async Task<List<JsonObject>> ItemsAsync(string path) =>
        (await Operator.GetJsonAsync(path))["items"]!.AsArray().Select(s => s!.AsObject()).ToList();

    private static void AssertCompleted(JsonObject saga)
    {
        saga.ShouldHaveEverySagaField();
        saga.Text("status").ShouldBe("Completed");
        saga.Text("currentStep").ShouldBeNull();
        saga.Text("lastError").ShouldBeNull();
        saga.Text("nextAttemptAt").ShouldBeNull();
        saga["attempts"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(0);
        var startedAt = saga["startedAt"]!.GetValue<DateTimeOffset>();
        saga["updatedAt"]!.GetValue<DateTimeOffset>().ShouldBeGreaterThanOrEqualTo(startedAt);
        startedAt.Offset.ShouldBe(TimeSpan.Zero);
        saga.Text("startedAt")!.ShouldMatch("(Z|[+]00:00)$");
    }
}
