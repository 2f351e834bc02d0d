using System.Net;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Requests a console page cannot answer as asked are refused with words, and change nothing: a form action the page
// does not have (a 500 before: the page was drawn without being loaded), a POST to a page that only shows (an empty
// "Nothing is stalled" before), and an address value that cannot be read (ignored before: the audit "of one order"
// listed every order's actions).
[Collection(ApiCollection.Name)]
public sealed class ConsoleAddressRefusalTests(ApiFactory api) : IAsyncLifetime
{
    private readonly ConsoleClient _console = ConsoleClient.For(api);

    public async Task InitializeAsync() => await _console.SignInAsync(ApiFactory.OperatorKey);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/ops", 405, "does not take a POST request")]
    [InlineData("/ops/stalls", 405, "does not take a POST request")]
    [InlineData("/ops/audit", 405, "does not take a POST request")]
    [InlineData("/ops/orders", 405, "does not take a POST request")]
    [InlineData("/ops/orders/{order}?handler=explode", 404, "has no action 'explode'")]
    [InlineData("/ops/dead-letters?handler=explode", 404, "has no action 'explode'")]
    public async Task Given_a_form_post_no_handler_of_the_page_answers_When_sent_Then_it_is_refused_with_words_and_not_a_500(
        string path, int status, string said)
    {
        var auditBefore = await AuditCountAsync();

        var response = await _console.PostFormAsync(path.Replace("{order}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
            new Dictionary<string, string> { ["reason"] = "because", ["kind"] = "Cancel" }, tokenFrom: "/ops/settings");

        ((int)response.StatusCode).ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(said);
        if (status == 405)
        {
            response.Content.Headers.Allow.ShouldBe(new[] { "GET" });
        }

        (await AuditCountAsync()).ShouldBe(auditBefore);
    }

    [Theory]
    [InlineData("/ops/orders?held=maybe", "'maybe' is not a valid Held.")]
    [InlineData("/ops/audit?orderId=nope", "'nope' is not a valid orderId.")]
    [InlineData("/ops/audit?before=yesterday", "'yesterday' is not a valid before.")]
    [InlineData("/ops/orders/not-an-order-id", "'not-an-order-id' is not a valid id.")]
    public async Task Given_an_address_value_the_page_cannot_read_When_opened_Then_400_naming_the_value(string path, string said)
    {
        var response = await _console.Http.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(said);
    }

    private async Task<long> AuditCountAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM operations.audit", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
