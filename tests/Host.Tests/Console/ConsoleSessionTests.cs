using System.Net;
using Npgsql;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

[Collection(ApiCollection.Name)]
public sealed class ConsoleSessionTests(ApiFactory api)
{
    [Fact]
    public async Task Given_no_session_When_a_console_page_is_opened_Then_it_redirects_to_sign_in()
    {
        var response = await ConsoleClient.For(api).Http.GetAsync("/ops");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/ops/sign-in?ReturnUrl=%2Fops");
    }

    [Fact]
    public async Task Given_the_operator_key_When_signing_in_Then_an_HttpOnly_SameSite_Strict_session_cookie_opens_the_console()
    {
        var console = ConsoleClient.For(api);

        var response = await console.SignInAsync(ApiFactory.OperatorKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/ops");
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("om_ops_session=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("path=/ops", Case.Insensitive);
        var overview = await console.Http.GetStringAsync("/ops");
        overview.ShouldContain("dev-operator");
    }

    [Fact]
    public async Task Given_the_storefront_key_When_signing_in_Then_it_is_refused_and_no_session_is_issued()
    {
        var console = ConsoleClient.For(api);

        var response = await console.SignInAsync(ApiFactory.StorefrontKey);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("accepts only operator keys");
        (response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [])
            .ShouldNotContain(c => c.StartsWith("om_ops_session=", StringComparison.Ordinal));
        (await console.Http.GetAsync("/ops")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Given_a_sign_in_form_without_its_antiforgery_token_When_posted_Then_400_and_no_session()
    {
        var console = ConsoleClient.For(api);

        var response = await console.PostFormAsync("/ops/sign-in", new Dictionary<string, string> { ["apiKey"] = ApiFactory.OperatorKey });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("antiforgery token is missing or has expired");
        (await console.Http.GetAsync("/ops")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Given_a_session_When_signing_out_Then_the_console_asks_to_sign_in_again_and_the_audit_names_the_operator()
    {
        await api.ResetAsync();
        var console = ConsoleClient.For(api);
        await console.SignInAsync(ApiFactory.OperatorKey);

        var response = await console.PostFormAsync("/ops/sign-out", new Dictionary<string, string>(), tokenFrom: "/ops");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await console.Http.GetAsync("/ops")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var audit = await AuditActionsAsync();
        audit.ShouldContain("dev-operator SignedIn");
        audit.ShouldContain("dev-operator SignedOut");
    }

    // The key ring lives in the database: a session cookie issued by one host is accepted by another.
    [Fact]
    public async Task Given_a_session_from_one_host_When_another_host_on_the_same_database_is_asked_Then_it_accepts_the_cookie()
    {
        var first = ConsoleClient.For(api);
        var signIn = await first.SignInAsync(ApiFactory.OperatorKey);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("om_ops_session=", StringComparison.Ordinal)).Split(';')[0];
        await using var otherHost = new ApiFactory();
        await ((IAsyncLifetime)otherHost).InitializeAsync();
        var second = otherHost.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/ops");
        request.Headers.Add("Cookie", cookie);
        var response = await second.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("dev-operator");
        (await KeyRowsAsync()).ShouldBeGreaterThan(0);
    }

    // ADR 0023: sign-out ends the session on every host at once, not only the browser's cookie.
    [Fact]
    public async Task Given_a_copy_of_the_session_cookie_When_the_operator_signs_out_Then_the_copy_is_refused_on_this_host_and_on_another()
    {
        await api.ResetAsync();
        var console = ConsoleClient.For(api);
        var copy = SessionCookie(await console.SignInAsync(ApiFactory.OperatorKey));
        await using var otherHost = new ApiFactory();
        await otherHost.StartAsync(resetDatabase: false);
        (await WithCookieAsync(api, copy)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy opens the console before sign-out");
        (await WithCookieAsync(otherHost, copy)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy opens the console on another host too");

        (await console.PostFormAsync("/ops/sign-out", new Dictionary<string, string>(), tokenFrom: "/ops")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var host in new[] { api, otherHost })
        {
            var refused = await WithCookieAsync(host, copy);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            refused.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/ops/sign-in");
        }

        (await Tables.ScalarAsync<TimeSpan>(api.ConnectionString, "SELECT expires_at - revoked_at FROM operations.revoked_sessions")).ShouldBe(TimeSpan.FromHours(8),
            "a revoked session is kept as long as a cookie of it could still be valid");
    }

    [Theory]
    [InlineData("Auth:ApiKeys:1:Name", "night-operator")]
    [InlineData("Auth:ApiKeys:1:Key", "rotated-operator-key")]
    [InlineData("Auth:ApiKeys:1:Role", "storefront")]
    public async Task Given_a_session_When_a_host_runs_with_its_operator_key_removed_replaced_or_demoted_Then_that_host_refuses_the_cookie(string setting, string value)
    {
        var copy = SessionCookie(await ConsoleClient.For(api).SignInAsync(ApiFactory.OperatorKey));
        await using var reconfigured = new ConfiguredApiFactory("Development", new Dictionary<string, string?> { [setting] = value });
        await reconfigured.StartAsync(resetDatabase: false);

        var response = await WithCookieAsync(reconfigured, copy);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldStartWith("http://localhost/ops/sign-in");
        (await WithCookieAsync(api, copy)).StatusCode.ShouldBe(HttpStatusCode.OK, "a host that still has the key keeps the session");
    }

    private static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("om_ops_session=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> WithCookieAsync(ApiFactory host, string cookie)
    {
        var client = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ops");
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private async Task<IReadOnlyList<string>> AuditActionsAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT operator || ' ' || action FROM operations.audit ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var actions = new List<string>();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return actions;
    }

    private async Task<long> KeyRowsAsync()
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM dataprotection.keys", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
