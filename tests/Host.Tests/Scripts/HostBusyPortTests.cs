using OrderManagement.TestKit;

namespace OrderManagement.Host.Tests.Scripts;

// Issue 15, point 2: a host started on an address already in use (run directly, or when the port is taken between
// run.sh's check and the start) says so in one line naming ASPNETCORE_URLS, not in two stack traces.
public sealed class HostBusyPortTests
{
    [Fact]
    public async Task Given_the_HTTP_port_is_taken_When_the_built_host_starts_Then_one_line_names_the_address_and_ASPNETCORE_URLS()
    {
        using var taken = RunScript.Occupy();
        var host = Path.Combine(RunScript.Repository, "src", "Host", "bin", "Release", "net10.0");

        var (exitCode, output) = await RunScript.RunAsync("dotnet", [Path.Combine(host, "OrderManagement.Host.dll")], host, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{taken.Port()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__OrderManagement"] = await TestDatabase.ConnectionStringAsync(),
        });

        exitCode.ShouldBe(1, output);
        var stopped = output.Split('\n').Where(l => l.Contains("The host stopped", StringComparison.Ordinal)).ToList();
        stopped.ShouldHaveSingleItem(output);
        stopped[0].ShouldContain($"127.0.0.1:{taken.Port()}");
        stopped[0].ShouldContain("ASPNETCORE_URLS");
        // The host may log other work before it stops (the shared test database holds other tests' messages); what
        // matters is that the busy address is reported once, without Kestrel's exception and its stack trace.
        // Kestrel's exception names AddressInUseException in its stack trace, in the report and in the generic host's.
        output.ShouldNotContain("AddressInUseException", Case.Sensitive, "the busy address was reported with its exception and stack trace");
        // A background service stopped because the start failed has not failed: no "BackgroundService failed" with a
        // cancellation's stack trace before the one line (DatabaseClockSync printed about 240 lines).
        output.ShouldNotContain("BackgroundService", Case.Sensitive, "a background service reported the stop as its failure");
        output.ShouldNotContain("OperationCanceledException", Case.Sensitive, "a background service reported the stop as its failure");
    }
}
