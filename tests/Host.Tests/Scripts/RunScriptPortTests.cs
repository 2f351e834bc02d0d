namespace OrderManagement.Host.Tests.Scripts;

// build/run.sh checks its ports before the minutes of a first build, and never moves a cluster someone uses.
public sealed class RunScriptPortTests : IDisposable
{
    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"om-run-test-{Guid.NewGuid():N}")).FullName;

    private string DataDir => Path.Combine(_work, "pg");

    [Fact]
    public async Task Given_the_PostgreSQL_port_is_taken_When_run_sh_starts_Then_it_stops_before_building_and_names_OM_PG_PORT()
    {
        using var taken = RunScript.Occupy();

        var (exitCode, output) = await RunScript.RunAsync("build/run.sh", Environment(pgPort: taken.Port(), httpPort: RunScript.FreePort()));

        exitCode.ShouldBe(1, output);
        output.ShouldContain($"port {taken.Port()} for the private PostgreSQL is already in use");
        output.ShouldContain("OM_PG_PORT=");
        output.ShouldNotContain("building");
    }

    [Fact]
    public async Task Given_the_HTTP_port_is_taken_When_run_sh_starts_Then_it_stops_before_building_and_names_ASPNETCORE_URLS()
    {
        using var taken = RunScript.Occupy();

        var (exitCode, output) = await RunScript.RunAsync("build/run.sh", Environment(pgPort: RunScript.FreePort(), httpPort: taken.Port()));

        exitCode.ShouldBe(1, output);
        output.ShouldContain($"127.0.0.1:{taken.Port()} (from ASPNETCORE_URLS=http://127.0.0.1:{taken.Port()}) is already in use");
        output.ShouldContain("ASPNETCORE_URLS=http://127.0.0.1:");
        output.ShouldNotContain("building");
    }

    // The check is by address: a port taken on 127.0.0.1 clashes with the same address and with a wildcard, not with
    // another address (issue 15: http://[::1]:5080 was refused because 127.0.0.1:5080 was busy).
    [Theory]
    [InlineData("127.0.0.1", 1)]
    [InlineData("0.0.0.0", 1)]
    [InlineData("localhost", 1)]
    [InlineData("127.0.0.2", 0)]
    [InlineData("[::1]", 0)]
    public async Task Given_a_port_taken_on_127_0_0_1_When_run_sh_checks_an_address_Then_only_a_clashing_address_is_refused(string host, int expected)
    {
        using var taken = RunScript.Occupy();

        var (exitCode, output) = await RunScript.RunAsync($". build/lib/pg.sh && addr_port_free '{host}' {taken.Port()}", new Dictionary<string, string?>());

        exitCode.ShouldBe(expected, output);
    }

    [Fact]
    public async Task Given_the_private_cluster_runs_on_another_port_When_run_sh_starts_Then_it_is_reused_or_named_but_never_restarted()
    {
        var running = RunScript.FreePort();
        var (started, log) = await RunScript.RunAsync($". build/lib/pg.sh && pg_ensure_cluster '{DataDir}' {running}", new Dictionary<string, string?>());
        started.ShouldBe(0, log);
        var postmaster = await File.ReadAllTextAsync(Path.Combine(DataDir, "postmaster.pid"));
        using var takenHttp = RunScript.Occupy();

        var (otherPort, refused) = await RunScript.RunAsync("build/run.sh", Environment(pgPort: RunScript.FreePort(), httpPort: RunScript.FreePort()));
        var (unset, reused) = await RunScript.RunAsync("build/run.sh", Environment(pgPort: null, httpPort: takenHttp.Port()));

        otherPort.ShouldBe(1, refused);
        refused.ShouldContain($"already runs on port {running}");
        refused.ShouldContain($"OM_PG_PORT={running} build/run.sh");
        refused.ShouldContain("build/run.sh --stop-db");
        unset.ShouldBe(1, reused);
        reused.ShouldContain($"already runs on port {running}; using it (OM_PG_PORT={running})");
        (await File.ReadAllTextAsync(Path.Combine(DataDir, "postmaster.pid"))).ShouldBe(postmaster, "the cluster was restarted");
    }

    public void Dispose()
    {
        RunScript.RunAsync($". build/lib/pg.sh && pg_stop '{DataDir}'", new Dictionary<string, string?>()).GetAwaiter().GetResult();
        Directory.Delete(_work, recursive: true);
    }

    private Dictionary<string, string?> Environment(int? pgPort, int httpPort) => new()
    {
        ["OM_PG_DATA"] = DataDir,
        ["OM_PG_PORT"] = pgPort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
    };
}
