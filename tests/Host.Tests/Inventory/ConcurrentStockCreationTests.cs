using System.Net;
using System.Net.Http.Json;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Inventory;

// Simultaneous first PUTs of a new SKU: each is a plain "set onHand", so each succeeds and the last one wins;
// none is refused with a conflict that did not happen or a reason that is not true.
[Collection(ApiCollection.Name)]
public sealed class ConcurrentStockCreationTests(ApiFactory api) : IAsyncLifetime
{
    private const int Parallel = 12;

    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_new_sku_When_many_first_PUTs_arrive_at_once_Then_all_succeed_and_one_of_their_levels_is_kept()
    {
        for (var round = 0; round < 3; round++)
        {
            var sku = $"NEW-SKU-{round}";
            var levels = Enumerable.Range(10, Parallel).ToList();

            var responses = await Task.WhenAll(levels.Select(onHand => _operator.PutAsJsonAsync($"/api/v1/inventory/{sku}", new { onHand })));

            var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
            responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK, string.Join("\n", answers));
            var stock = await _operator.GetStockAsync(sku);
            levels.ShouldContain(stock["onHand"]!.GetValue<int>());
            stock["reserved"]!.GetValue<int>().ShouldBe(0);
        }
    }
}
