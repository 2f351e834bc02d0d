using System.Net;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (newcomer review, defect E): an order's page previewed (and could replay) any dead letter a hand-made form
// named, another order's too. Both the preview and its confirmation refuse a letter that is not the order's.
[Collection(ApiCollection.Name)]
public sealed class DeadLetterOwnershipTests(ApiFactory api) : IAsyncLifetime
{
    private const string Sku = "OWNERSHIP-SKU";
    private readonly HttpClient _storefront = api.Storefront();
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await api.Operator().SetStockAsync(Sku, 10);
        await _console.SignInAsync(ApiFactory.OperatorKey);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("previewReplay")]
    [InlineData("replay")]
    public async Task Given_another_orders_dead_letter_When_an_orders_page_is_sent_it_by_hand_Then_it_is_refused_and_the_letter_stays_dead(string handler)
    {
        var mine = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        var theirs = await _storefront.PlaceOrderAsync(OrderRequests.PlaceOrderBody("tok_visa", (Sku, 1, 10m)));
        await _storefront.WaitForStatusAsync(mine, "Confirmed");
        await _storefront.WaitForStatusAsync(theirs, "Confirmed");
        var letter = await DeadLetterAsync(theirs);
        var path = $"/ops/orders/{mine}";

        var response = await _console.PostFormAsync($"{path}?handler={handler}",
            new Dictionary<string, string> { ["letterId"] = letter.ToString(), ["reason"] = "hand-made" }, path);
        var unknown = await _console.PostFormAsync($"{path}?handler={handler}",
            new Dictionary<string, string> { ["letterId"] = Guid.NewGuid().ToString(), ["reason"] = "hand-made" }, path);

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
        page.ShouldContain($"Dead letter {letter} is not about order {mine}: it is about order {theirs}.");
        page.ShouldNotContain("id=\"preview-changes\"");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()).ShouldContain($"is not one of order {mine}'s messages");
        (await ScalarAsync($"SELECT count(*) FROM payments.outbox_messages WHERE id = '{letter}' AND dead_lettered_at IS NOT NULL")).ShouldBe(1L);
        (await ScalarAsync("SELECT count(*) FROM operations.audit WHERE action = 'ReplayDeadLetter'")).ShouldBe(0L);
        var own = await _console.PostFormAsync($"/ops/orders/{theirs}?handler=previewReplay",
            new Dictionary<string, string> { ["letterId"] = letter.ToString(), ["reason"] = "its own page" }, path);
        own.StatusCode.ShouldBe(HttpStatusCode.OK, "the letter's own order previews it");
    }

    private Task<Guid> DeadLetterAsync(Guid orderId) =>
        DeadLetterSeeds.PlantAsync(api.ConnectionString, "payments", "Shipping", "OwnershipTest", orderId, "TestFault: ownership");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
