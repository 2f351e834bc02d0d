using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

// Issue 11 (C11b): the settings form as a browser posts it: every input of the page as it was rendered, with the
// operator's edits. A stale page changes only the fields the operator edited, refuses an edit to a field someone else
// changed since, and a save with nothing edited says "Nothing changed.".
[Collection(ApiCollection.Name)]
public sealed partial class SettingsPageTests(ApiFactory api) : IAsyncLifetime
{
    private const string Deadline = "Fulfilment:StepDeadline";
    private const string Threshold = "Review:TotalThreshold";
    private readonly ConsoleClient _console = ConsoleClient.For(api);
    private readonly HttpClient _operator = api.Operator();

    public async Task InitializeAsync()
    {
        await api.ResetAsync();
        await _console.SignInAsync(ApiFactory.OperatorKey);

        // The hosts' configuration may still hold a value an earlier test stored before the reset: a change through the
        // API stores the defaults again and makes the configuration take them up at once.
        await PutAsync(Threshold, "10000");
        await PutAsync(Deadline, "10 s");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_stale_page_When_another_field_is_saved_Then_the_other_operators_change_stays()
    {
        var (deadlineChanges, thresholdChanges) = (await ChangesAsync(Deadline), await ChangesAsync(Threshold));
        var form = await FormAsync();
        await PutAsync(Deadline, "12 s");
        form[$"values[{Threshold}]"] = "5000";
        form["reason"] = "big orders need a look";

        var response = await _console.Http.PostAsync("/ops/settings", new FormUrlEncodedContent(form));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await StoredAsync(Deadline)).ShouldBe("00:00:12");
        (await StoredAsync(Threshold)).ShouldBe("5000");
        (await ChangesAsync(Deadline)).ShouldBe(deadlineChanges + 1);
        (await ChangesAsync(Threshold)).ShouldBe(thresholdChanges + 1);
    }

    [Fact]
    public async Task Given_a_stale_page_When_a_field_someone_changed_since_is_edited_Then_refused_naming_it_and_nothing_changes()
    {
        var (deadlineChanges, thresholdChanges) = (await ChangesAsync(Deadline), await ChangesAsync(Threshold));
        var form = await FormAsync();
        await PutAsync(Threshold, "7000");
        form[$"values[{Threshold}]"] = "5000";
        form[$"values[{Deadline}]"] = "20 s";
        form["reason"] = "big orders need a look";

        var response = await _console.Http.PostAsync("/ops/settings", new FormUrlEncodedContent(form));

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict, page);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var refusal = RefusalText().Match(page);
        refusal.Success.ShouldBeTrue(page);
        refusal.Groups[1].Value.ShouldContain($"{Threshold} was changed to 7000 by dev-operator");
        (await StoredAsync(Threshold)).ShouldBe("7000");
        ((await StoredAsync(Deadline)) ?? "00:00:10").ShouldBe("00:00:10");
        (await ChangesAsync(Threshold)).ShouldBe(thresholdChanges + 1);
        (await ChangesAsync(Deadline)).ShouldBe(deadlineChanges);
    }

    [Fact]
    public async Task Given_nothing_edited_When_saved_Then_the_page_says_nothing_changed()
    {
        var (deadlineChanges, thresholdChanges) = (await ChangesAsync(Deadline), await ChangesAsync(Threshold));
        var form = await FormAsync();
        form["reason"] = "double click";

        var response = await _console.Http.PostAsync("/ops/settings", new FormUrlEncodedContent(form));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.OriginalString.ShouldBe("/ops/settings");
        var shown = await _console.Http.GetAsync("/ops/settings");
        var page = WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync());
        shown.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("id=\"notice\">Nothing changed.</p>");
        (await ChangesAsync(Threshold)).ShouldBe(thresholdChanges);
    }

    // Issue 11 (review, defect 3d): the settings page took "ZZ" as a country to hold orders for.
    [Fact]
    public async Task Given_an_unassigned_country_code_When_saved_on_the_page_Then_400_naming_the_code_and_nothing_changes()
    {
        var changes = await ChangesAsync("Review:Countries");
        var form = await FormAsync();
        form["values[Review:Countries]"] = "GB,ZZ";
        form["reason"] = "hold risky destinations";

        var response = await _console.Http.PostAsync("/ops/settings", new FormUrlEncodedContent(form));

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, page);
        page.ShouldContain("entry 2 'ZZ' is not one of the assigned ISO 3166-1 alpha-2 country codes in capitals");
        (await ChangesAsync("Review:Countries")).ShouldBe(changes);
    }

    // Every named input of the settings form with the value it was rendered with, as a browser would send it.
    private async Task<Dictionary<string, string>> FormAsync()
    {
        var page = await _console.Http.GetStringAsync("/ops/settings");
        var table = page.IndexOf("<table id=\"settings\"", StringComparison.Ordinal);
        var start = page.LastIndexOf("<form", table, StringComparison.Ordinal);
        var form = page[start..page.IndexOf("</form>", table, StringComparison.Ordinal)];
        return Input().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    private async Task PutAsync(string key, string value)
    {
        var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings",
            new { settings = new Dictionary<string, string> { [key] = value }, reason = "changed elsewhere" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<string?> StoredAsync(string key)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT value FROM operations.settings WHERE key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task<long> ChangesAsync(string key)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM operations.setting_changes WHERE key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Input();

    [GeneratedRegex("id=\"refusal\">([^<]*)<")]
    private static partial Regex RefusalText();
}
