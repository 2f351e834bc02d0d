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
            var (min, max) = (setting["min"]!.GetValue<string>(), setting["max"]!.GetValue<string>());
            setting["default"]!.GetValue<string>().ShouldNotBeNullOrEmpty(key);
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

    // A flag's bounds are false and true: beyond them is anything else. A list's are numbers of items: "-1" and one
    // more than its maximum are items it refuses.
    private static string Step(string bound, int direction) => bound is "false" or "true"
        ? "maybe"
        : int.TryParse(bound, CultureInfo.InvariantCulture, out var number)
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
