using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;
using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Observability;

// Background work (the settings poll, the dispatchers, connections opened at start-up or after an outage) makes no
// trace of its own: a database span is always the child of the request or message span it served.
public sealed class RootSpanTests : IAsyncLifetime
{
    private readonly SpanRecorder _spans = new();
    private TracingApiFactory? _host;

    [Fact]
    public async Task Given_a_host_starting_idling_and_reconnecting_When_its_spans_are_read_Then_no_database_span_is_a_root_span()
    {
        _host = new TracingApiFactory(_spans);
        await _host.StartAsync(resetDatabase: true);
        await _host.Operator().SetStockAsync("TSHIRT-RED-M", 10);
        var orderId = await _host.Storefront().PlaceOrderAsync(OrderRequests.PlaceOrderBody());
        await _host.Storefront().WaitForStatusAsync(orderId, "Confirmed");

        // Every pooled connection is dropped, so the background loops open new ones outside any span.
        _host.Services.GetRequiredService<NpgsqlDataSource>().Clear();
        await Task.Delay(TimeSpan.FromSeconds(5));

        // The test's own connections (resetting the database, other tests' setup in this process) are traced by the same
        // listener; the host's are those of its data source (auto-prepare on) and of its settings poll.
        var database = _spans.Snapshot().Where(s => s.Source.Name == "Npgsql" && IsHosts(s)).ToList();
        database.ShouldContain(s => s.ParentSpanId != default, "the order's database calls should be traced as children");
        var roots = database.Where(s => s.ParentSpanId == default)
            .Select(s => s.DisplayName + " " + string.Join(" ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))).ToList();
        roots.ShouldBeEmpty($"{roots.Count} database spans are root spans: {string.Join(", ", roots.Distinct().Take(10))}");
    }

    private static bool IsHosts(Activity span) =>
        span.GetTagItem("db.npgsql.data_source") is string source && source.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
        || span.GetTagItem("db.query.text") is string query && query.Contains("operations.settings", StringComparison.Ordinal);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
