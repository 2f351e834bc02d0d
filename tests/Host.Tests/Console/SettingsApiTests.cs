using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Console;

[Collection(ApiCollection.Name)]
public sealed class SettingsApiTests(ApiFactory api) : IAsyncLifetime
{
    private const string Key = "Stalls:CreateShipment";
    private readonly HttpClient _operator = api.Operator();

    public Task InitializeAsync() => api.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_valid_change_When_put_Then_it_is_in_effect_without_a_restart_and_kept_with_who_and_why()
    {
        var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings",
            new { settings = new Dictionary<string, string> { [Key] = "00:00:42" }, reason = "shipping is slow today" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var setting = await SettingAsync();
        setting["value"]!.GetValue<string>().ShouldBe("00:00:42");
        setting["changedBy"]!.GetValue<string>().ShouldBe("dev-operator");
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var changes = new NpgsqlCommand(
            "SELECT count(*) FROM operations.setting_changes WHERE key = $1 AND new_value = '00:00:42' AND changed_by = 'dev-operator' AND reason = 'shipping is slow today'",
            connection);
        changes.Parameters.Add(new NpgsqlParameter { Value = Key });
        ((long)(await changes.ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Theory]
    [InlineData("Stalls:CreateShipment", "forever", "settings.Stalls:CreateShipment")]
    [InlineData("Stalls:CreateShipment", "00:00:00", "settings.Stalls:CreateShipment")]
    [InlineData("Fulfilment:MaxStepAttempts", "0", "settings.Fulfilment:MaxStepAttempts")]
    [InlineData("ConnectionStrings:OrderManagement", "Host=elsewhere", "settings.ConnectionStrings:OrderManagement")]
    public async Task Given_an_invalid_change_When_put_Then_400_naming_the_setting_and_nothing_changes(string key, string value, string errorKey)
    {
        var before = await SettingAsync();

        var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings",
            new { settings = new Dictionary<string, string> { [key] = value }, reason = "testing" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem["errors"]!.AsObject().ContainsKey(errorKey).ShouldBeTrue(problem.ToJsonString());
        (await SettingAsync()).ToJsonString().ShouldBe(before.ToJsonString());
    }

    [Fact]
    public async Task Given_settings_nobody_configured_When_listed_Then_each_shows_the_default_in_effect()
    {
        var all = await _operator.GetJsonAsync("/api/v1/ops/settings");

        var values = all["items"]!.AsArray().OfType<JsonObject>().ToDictionary(s => s["key"]!.GetValue<string>(), s => s["value"]!.GetValue<string>());
        values.Where(v => v.Value.Length == 0).ShouldBeEmpty("a setting shows no value in effect");
        values["Stalls:AuthorizePayment"].ShouldBe("00:00:30");
        values["Messaging:MaxAttempts"].ShouldBe("10");
        values["Payments:MaxAuthorizationAttempts"].ShouldBe("3", "the configured value wins over the default");
    }

    // The listing's bounds are the ones enforced, for every setting: one step beyond either is refused, naming both.
    [Fact]
    public async Task Given_every_listed_setting_When_a_value_just_beyond_its_listed_bounds_is_put_Then_400_naming_the_bounds_and_nothing_changes()
    {
        var all = await _operator.GetJsonAsync("/api/v1/ops/settings");
        var failures = new List<string>();
        foreach (var setting in all["items"]!.AsArray().OfType<JsonObject>())
        {
            var key = setting["key"]!.GetValue<string>();
            setting["default"]!.GetValue<string>().ShouldNotBeNullOrEmpty(key);
            if (setting["min"] is null || setting["max"] is null)
            {
                continue; // a flag or a list: no bounds of a value (their refusals are tested below)
            }

            var (min, max) = (setting["min"]!.GetValue<string>(), setting["max"]!.GetValue<string>());
            foreach (var beyond in new[] { Step(min, -1), Step(max, +1) })
            {
                var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings",
                    new { settings = new Dictionary<string, string> { [key] = beyond }, reason = "testing the bounds" });
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !body.Contains(min, StringComparison.Ordinal) || !body.Contains(max, StringComparison.Ordinal))
                {
                    failures.Add($"{key}={beyond} (listed {min}..{max}): {(int)response.StatusCode} {body}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await _operator.GetJsonAsync("/api/v1/ops/settings")).ToJsonString().ShouldBe(all.ToJsonString());
    }

    // Issue 11 (defect 8): "XX,," was taken as the list XX; (review, defect 3d) "ZZ" was taken as a country; a list's "min 0 / max 100" read as bounds of a number.
    [Theory]
    [InlineData("XX,,", "entry 2 is empty; entry 3 is empty")]
    [InlineData(",DE", "entry 1 is empty")]
    [InlineData("DE, ,FR", "entry 2 is empty")]
    [InlineData("DE,fr", "entry 2 'fr' is not one of the assigned ISO 3166-1 alpha-2 country codes in capitals")]
    [InlineData("ZZ", "entry 1 'ZZ' is not one of the assigned ISO 3166-1 alpha-2 country codes in capitals")]
    [InlineData("GB,AA,FR", "entry 2 'AA' is not one of the assigned ISO 3166-1 alpha-2 country codes in capitals")]
    public async Task Given_a_list_setting_with_a_bad_entry_When_put_Then_400_naming_each_entry_and_nothing_changes(string value, string said)
    {
        var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings",
            new { settings = new Dictionary<string, string> { ["Review:Countries"] = value }, reason = "testing the list" });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem["errors"]!["settings.Review:Countries"]![0]!.GetValue<string>().ShouldContain(said);
        (await _operator.GetStringAsync("/api/v1/ops/settings")).ShouldContain("\"key\":\"Review:Countries\",\"value\":\"none\"");
    }

    [Fact]
    public async Task Given_the_settings_When_listed_Then_bounds_are_shown_only_where_they_exist_and_every_description_starts_with_a_capital()
    {
        var items = (await _operator.GetJsonAsync("/api/v1/ops/settings"))["items"]!.AsArray().OfType<JsonObject>()
            .ToDictionary(s => s["key"]!.GetValue<string>());

        foreach (var key in new[] { "Review:Countries", "Review:Enabled" })
        {
            (items[key]["min"], items[key]["max"]).ShouldBe((null, null), key);
        }

        items["Review:Countries"]["maxItems"]!.GetValue<int>().ShouldBe(100);
        (items["Fulfilment:MaxStepAttempts"]["min"]!.GetValue<string>(), items["Fulfilment:MaxStepAttempts"]["max"]!.GetValue<string>()).ShouldBe(("1", "20"));
        items["Api:Intake:MaxBacklogAge"]["allowed"]!.GetValue<string>().ShouldBe("a duration from 50 ms to 1 d");
        items.Values.Select(s => s["description"]!.GetValue<string>()).Where(d => !char.IsUpper(d[0])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Given_a_duration_with_its_unit_When_put_Then_it_is_stored_as_a_duration()
    {
        var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings",
            new { settings = new Dictionary<string, string> { [Key] = "1.5 min" }, reason = "units" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await SettingAsync())["value"]!.GetValue<string>().ShouldBe("00:01:30");
    }

    // Issue 11 (defect 9): durations read as raw TimeSpans (00:00:00.5000000) on the settings page.
    [Fact]
    public async Task Given_the_settings_page_When_opened_Then_durations_are_in_words_with_their_unit_and_bounds_only_where_they_exist()
    {
        var console = ConsoleClient.For(api);
        await console.SignInAsync(ApiFactory.OperatorKey);

        var page = WebUtility.HtmlDecode(await console.Http.GetStringAsync("/ops/settings"));

        var shown = System.Text.RegularExpressions.Regex.Matches(page, "<td data-value[^>]*>([^<]*)</td>").Select(m => m.Groups[1].Value).ToList();
        shown.Count.ShouldBeGreaterThan(10);
        shown.Where(v => v.Contains(':', StringComparison.Ordinal)).ShouldBeEmpty("a duration is shown with its unit, not as hh:mm:ss");
        page.ShouldContain("<tr data-key=\"Stalls:AuthorizePayment\">");
        System.Text.RegularExpressions.Regex.Match(page, "data-key=\"Stalls:AuthorizePayment\">.*?<td data-value[^>]*>([^<]*)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups[1].Value.ShouldBe("30 s");
        System.Text.RegularExpressions.Regex.Match(page, "data-key=\"Review:Countries\">.*?<td class=\"muted\" data-allowed[^>]*>([^<]*)</td>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups[1].Value.ShouldBe("none, or up to 100 assigned ISO 3166-1 alpha-2 country codes in capitals, separated by commas");
    }

    private static string Step(string bound, int direction) => int.TryParse(bound, CultureInfo.InvariantCulture, out var number)
        ? (number + direction).ToString(CultureInfo.InvariantCulture)
        : (TimeSpan.Parse(bound, CultureInfo.InvariantCulture) + TimeSpan.FromSeconds(direction)).ToString("c", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Given_no_reason_When_put_Then_400()
    {
        var response = await _operator.PutAsJsonAsync("/api/v1/ops/settings", new { settings = new Dictionary<string, string> { [Key] = "00:00:30" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<JsonObject> SettingAsync()
    {
        var all = await _operator.GetJsonAsync("/api/v1/ops/settings");
        return all["items"]!.AsArray().OfType<JsonObject>().Single(s => s["key"]!.GetValue<string>() == Key);
    }
}
