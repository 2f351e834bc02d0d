using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// A page cursor is only worth what its decoder checks. A cursor signed with a key anyone can read in the source must
// be refused, and one this host did sign but with a position no page can have (an overflowing date, a negative
// sequence, the wrong shape) is a 400 naming 'cursor', never a 500.
[Collection(ApiCollection.Name)]
public sealed class CursorTests(ApiFactory api) : IAsyncLifetime
{
    // The HMAC key that used to be the fallback in the source code.
    private static readonly byte[] FormerBuiltInKey = Encoding.UTF8.GetBytes("ordermanagement-cursor-v1");

    private static readonly string[] Positions =
    [
        $"9000000000000000000|{Guid.NewGuid()}",
        $"3155378976000000000|{Guid.NewGuid()}",
        $"-1|{Guid.NewGuid()}",
        $"99999999999999999999|{Guid.NewGuid()}",
        "-5",
        "0",
        "abc",
        "",
        "1|2|3",
        $"1|{Guid.NewGuid()}|x",
    ];

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_every_paged_listing_When_sent_forged_or_out_of_range_cursors_Then_each_is_a_400_naming_cursor()
    {
        var listings = AppEndpoint.Api(api.Services).Where(e => e.QueryParameters.Contains("cursor")).ToList();
        listings.Select(e => e.Pattern).ShouldBe(["/api/v1/ops/dead-letters", "/api/v1/ops/sagas", "/api/v1/ops/stalls", "/api/v1/orders",
            "/api/v1/webhooks/{webhookId:guid}/deliveries"], ignoreOrder: true);
        var codec = api.Services.GetRequiredService<CursorCodec>();
        var client = api.Operator();
        var failures = new List<string>();

        foreach (var listing in listings)
        {
            var cursors = Positions.Select(p => ($"signed by this host: '{p}'", codec.Encode(p)))
                .Concat(Positions.Select(p => ($"signed with the former built-in key: '{p}'", SignedWithFormerKey(p))))
                .Append(("not base64", "%%%"))
                .Append(("too long", new string('A', 600)));
            foreach (var (name, cursor) in cursors)
            {
                using var response = await client.GetAsync($"{listing.PathWith()}?cursor={Uri.EscapeDataString(cursor)}");
                if (await Problems.CheckAsync(response, 400, "cursor") is { } problem)
                {
                    failures.Add($"{listing} cursor {name}: {problem}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static string SignedWithFormerKey(string position)
    {
        var payload = Encoding.UTF8.GetBytes(position);
        return Base64Url.EncodeToString([.. payload, .. HMACSHA256.HashData(FormerBuiltInKey, payload).AsSpan(0, 12)]);
    }
}
