using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OrderManagement.Benchmark;

// What every scenario needs: the hosts, an HTTP client, the database, the stock it seeded, a log with timestamps.
internal sealed partial class Runner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _rssSampler;

    public Runner(Options options)
    {
        Options = options;
        WorkDir = Path.GetFullPath(options.WorkDir!);
        Directory.CreateDirectory(WorkDir);
        File.Delete(Path.Combine(WorkDir, "hosts.pid"));
        foreach (var old in Directory.EnumerateFiles(WorkDir, "host*.log").Concat(Directory.EnumerateFiles(WorkDir, "db-commands.log")))
        {
            File.Delete(old);
        }
        Database = new Database(options.Connection);
        Http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 4096,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            UseProxy = false,
            AllowAutoRedirect = false,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        Skus = Enumerable.Range(1, options.Skus).Select(i => $"BENCH-{i:D5}").ToList();
        Factory = new OrderFactory(options, Skus);
        _rssSampler = Task.Run(SampleRssAsync);
    }

    public Options Options { get; }
    public string WorkDir { get; }
    public Database Database { get; }
    public HttpClient Http { get; }
    public List<string> Skus { get; }
    public OrderFactory Factory { get; }
    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    public List<HostProcess> Hosts { get; } = [];
    public Dictionary<string, int> InitialStock { get; } = [];

    public void Log(string message) =>
        Console.WriteLine($"[{Clock.Elapsed.TotalSeconds,7:0.0}s] {message}");

    // Every answer of every load so far, as it arrives (scenarios watch it while the load runs).
    public ConcurrentQueue<Sample> LiveSamples { get; } = new();

    public LoadGenerator Load(IReadOnlyList<HostProcess>? hosts = null) => new(Options, hosts ?? Hosts, Http, Factory, Clock, LiveSamples);

    public async Task StartHostsAsync(int count)
    {
        var first = Options.Port ?? HostProcess.FreePort();
        for (var i = 0; i < count; i++)
        {
            var port = Options.Port is null ? (i == 0 ? first : HostProcess.FreePort()) : first + i;
            Hosts.Add(new HostProcess(i, port, Options, WorkDir));
        }

        foreach (var host in Hosts)
        {
            host.Start();
            Log($"host {host.Index}: started pid {host.Pid} on {host.BaseUri} (log {Path.GetRelativePath(Environment.CurrentDirectory, host.LogPath)})");
        }

        var ready = await Task.WhenAll(Hosts.Select(h => h.WaitReadyAsync(Http, TimeSpan.FromSeconds(240))));
        for (var i = 0; i < Hosts.Count; i++)
        {
            if (!ready[i])
            {
                throw new InvalidOperationException($"host {i} did not become ready within 240 s; see {Hosts[i].LogPath}:\n{Tail(Hosts[i].LogPath)}");
            }
        }

        Log($"{(count == 1 ? "host is" : "hosts are")} ready");
    }

    // PUT /api/v1/inventory/{sku} for every benchmark SKU (operator key).
    public async Task SeedAsync(long expectedOrders)
    {
        var units = Options.UnitsPerSku(expectedOrders);
        using var gate = new SemaphoreSlim(8);
        var host = Hosts[0];
        await Task.WhenAll(Skus.Select(async sku =>
        {
            await gate.WaitAsync();
            try
            {
                for (var attempt = 1; ; attempt++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(host.BaseUri, $"api/v1/inventory/{sku}"))
                    {
                        Content = new StringContent($"{{\"onHand\":{units}}}", Encoding.UTF8, "application/json"),
                    };
                    request.Headers.Add("X-Api-Key", "dev-operator-key");
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    using var response = await Http.SendAsync(request, cts.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }

                    if (attempt >= 3)
                    {
                        throw new InvalidOperationException($"PUT inventory/{sku} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var sku in Skus)
        {
            InitialStock[sku] = units;
        }

        Log($"seeded {Skus.Count} SKUs x {units} units");
    }

    public async Task<LoadResult> WarmupAsync()
    {
        var count = Options.Warmup ?? 0;
        if (count == 0)
        {
            return new LoadResult([], 0, 0, 0);
        }

        var result = await Load().RunAsync(count, TimeSpan.FromSeconds(300), concurrency: Math.Min(8, Options.Concurrency ?? 8));
        var waited = await Database.WaitNoPendingAsync(TimeSpan.FromSeconds(120));
        Log($"warm-up: {result.Accepted.Count()} of {count} orders accepted in {Stats.F(result.ElapsedS)} s; "
            + (waited is null ? "some still Pending after 120 s" : $"all left Pending {Stats.F(waited.Value)} s later"));
        return result;
    }

    public async Task<double?> DrainAsync()
    {
        var pending = await Database.PendingAsync();
        Log($"load done; {pending} orders Pending; waiting up to {Options.DrainTimeout:0} s until none is");
        var waited = await Database.WaitNoPendingAsync(TimeSpan.FromSeconds(Options.DrainTimeout), p => Log($"  {p} orders still Pending"));
        Log(waited is null ? "DRAIN TIMED OUT: orders are still Pending" : $"every order left Pending ({Stats.F(waited.Value)} s after the load ended)");
        return waited;
    }

    // Runs a bash command (db-outage: stop/start PostgreSQL); output goes to the work directory's db-commands.log.
    public async Task<bool> RunCommandAsync(string label, string command, TimeSpan timeout)
    {
        var log = Path.Combine(WorkDir, "db-commands.log");
        await File.AppendAllTextAsync(log, $"==== {label} at {DateTime.UtcNow:O}: {command}{Environment.NewLine}");
        var start = new ProcessStartInfo("/bin/bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec >>\"$0\" 2>&1 </dev/null; {command}");
        start.ArgumentList.Add(log);
        using var process = Process.Start(start)!;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        return process.ExitCode == 0;
    }

    public static string Tail(string path, int lines = 20)
    {
        try
        {
            return string.Join(Environment.NewLine, File.ReadLines(path).TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    // Lines of the host logs at warning level or above, for the report.
    // Log lines (not the stack-trace lines under them, not the benchmark's own markers) that end without a trace id.
    public List<string> HostLogLinesWithoutTraceId() =>
        Hosts.Where(h => File.Exists(h.LogPath))
            .SelectMany(h => File.ReadLines(h.LogPath).Select(line => $"host {h.Index}: {line}"))
            .Where(l => LogLine().IsMatch(l) && !TraceIdAtEnd().IsMatch(l) && !BackgroundLoopWarnings.Any(w => l.Contains(w, StringComparison.Ordinal)))
            .ToList();

    // The lines the README says carry no trace id: the background loops' own warnings, which belong to no request or
    // message (a busy machine can make the clock check warn, as it did in CI).
    private static readonly string[] BackgroundLoopWarnings =
    [
        "WRN] The database is unavailable", "WRN] Payments could not claim", "WRN] Webhooks: could not claim",
        "WRN] Reading which webhook event types are subscribed failed", "] This host's clock is",
    ];

    [GeneratedRegex(@"^host \d+: \[\d\d:\d\d:\d\d [A-Z]{3}\] ")]
    private static partial Regex LogLine();

    [GeneratedRegex(@" [0-9a-f]{32}$")]
    private static partial Regex TraceIdAtEnd();

    // Npgsql's words when a pooled connection's protocol state is broken (issue 9 fault 12: "Received unexpected backend
    // message DataRow" during a burst). Every scenario checks its hosts' logs for them, so a load or fault run that
    // breaks a connection fails instead of passing on the strength of its retries.
    private static readonly string[] ProtocolStateErrors = ["Received unexpected backend message", "Received backend message"];

    public void SummarizeHostLogs(Checks checks)
    {
        var broken = Hosts.Where(h => File.Exists(h.LogPath))
            .SelectMany(h => File.ReadLines(h.LogPath).Select(line => $"host {h.Index}: {line}"))
            .Where(l => ProtocolStateErrors.Any(e => l.Contains(e, StringComparison.Ordinal)))
            .ToList();
        checks.Add("no connection's protocol state broken (no Npgsql \"unexpected backend message\" in the host logs; issue 9)", broken.Count == 0,
            broken.Count == 0 ? "none" : $"{broken.Count} lines, e.g. {string.Join(" | ", broken.Take(2).Select(l => l.Length > 200 ? l[..200] : l))}");

        foreach (var host in Hosts)
        {
            if (!File.Exists(host.LogPath))
            {
                continue;
            }

            var lines = File.ReadLines(host.LogPath).ToList();
            var warnings = lines.Count(l => l.Contains(" WRN]", StringComparison.Ordinal));
            var errors = lines.Count(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" FTL]", StringComparison.Ordinal));
            Log($"host {host.Index} log: {warnings} warnings, {errors} errors ({Path.GetRelativePath(Environment.CurrentDirectory, host.LogPath)})");
            var distinct = lines.Where(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" WRN]", StringComparison.Ordinal))
                .Select(l => l.Length > 14 ? l[14..] : l)
                .Select(l => l.Length > 200 ? l[..200] : l)
                .GroupBy(l => l.Split(' ').Take(8).Aggregate((a, b) => a + " " + b))
                .OrderByDescending(g => g.Count())
                .Take(6);
            foreach (var group in distinct)
            {
                Console.WriteLine($"     {group.Count(),6} x {group.First()}");
            }
        }
    }

    private async Task SampleRssAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var host in Hosts.ToArray())
            {
                host.SampleRss();
            }

            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task StopHostsAsync()
    {
        await Task.WhenAll(Hosts.Select(h => h.StopAsync(TimeSpan.FromSeconds(30))));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopHostsAsync();
        }
        finally
        {
            await _stop.CancelAsync();
            await _rssSampler;
            _stop.Dispose();
            Http.Dispose();
            await Database.DisposeAsync();
        }
    }

    public static string Mb(long kb) => (kb / 1024.0).ToString("0.0", CultureInfo.InvariantCulture);
}
