using System.Text.Json;
using OrderManagement.Host.Tests.Api.Support;
using OrderManagement.Host.Tests.Infrastructure;

namespace OrderManagement.Host.Tests.Api.Edges;

// A value a client controls (a path, a field) is written to the log with its control characters escaped, so it can
// never start a line of its own that passes for a log entry, in the Development text format or the Production JSON.
[Collection(ApiCollection.Name)]
public sealed class LogInjectionTests
{
    private const string Forged = "[09:99:99 ERR] forged";
    private const string Path = "/api/v1/inventory/X%0D%0A%5B09:99:99%20ERR%5D%20forged%1B%5B31m";

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Given_a_path_with_CR_LF_and_a_forged_entry_When_logged_Then_no_line_of_the_output_is_the_forged_entry(string environment)
    {
        using var console = new ConsoleCapture();
        var settings = new Dictionary<string, string?>(environment == "Production" ? ProductionApiFactory.ProductionKeys() : [])
        {
            ["Serilog:MinimumLevel:Default"] = "Information",
        };
        await using (var host = new ConfiguredApiFactory(environment, settings))
        {
            await host.InitializeAsync();
            using var response = await host.Operator().GetAsync(Path);
            response.IsSuccessStatusCode.ShouldBeFalse();
            await Task.Delay(300);
        }

        var lines = console.Lines;
        console.Text.ShouldContain("forged", Case.Sensitive, "the request was not logged at all, so the test proves nothing");
        lines.Where(l => l.StartsWith(Forged, StringComparison.Ordinal) || l.StartsWith(" " + Forged, StringComparison.Ordinal)).ShouldBeEmpty();
        console.Text.ShouldNotContain("\u001b[31m", Case.Sensitive, "a terminal escape sequence from the request reached the log");
        if (environment == "Production")
        {
            foreach (var line in lines.Where(l => l.Contains("forged", StringComparison.Ordinal)))
            {
                Should.NotThrow(() => JsonDocument.Parse(line).Dispose(), $"not one JSON object per line: {line}");
            }
        }
    }
}
