using System.Net;

namespace OrderManagement.Benchmark;

// skewed-host (issue 17, fault 3): a second host whose own clock is --skew ahead (libfaketime, Debian's faketime) works
// on the same database under load, is killed -9, and no order waits for the skew. Every time that decides when
// something runs, and the order of history, comes from the database's clock; the skewed host says it is not ready
// (`clock`) and warns in its log.
internal static class SkewedHostScenario
{
    // Far below the 5 minutes of the default skew, far above any deadline or backoff of the Development settings
    // (payment step 25 s, retries at most 5 s): a time further ahead than this was written with the skewed clock.
    private static readonly TimeSpan FutureLimit = TimeSpan.FromMinutes(2);

    private static readonly string[] Schemas = ["ordering", "inventory", "payments", "shipping"];

    public static async Task RunAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        var preload = FaketimeLibrary() ?? throw new InvalidOperationException(
            "libfaketime is not installed (Debian package faketime): build/skewed-host-test.sh installs it");
        run.Log($"skewed-host: host 1 runs {o.Skew} ({preload}), {o.SkewedFor} s of load on both hosts, then kill -9; {o.LoadDescription}, seed {o.Seed}");
        await run.StartHostsAsync(1);
        var baseSeq = await run.Database.MaxSeqAsync();
        await run.SeedAsync(o.Orders ?? 0);
        var warmup = await run.WarmupAsync();

        var skewed = new HostProcess(1, o.Port is { } port ? port + 1 : HostProcess.FreePort(), o, run.WorkDir, env:
        [
            new("LD_PRELOAD", preload),
            new("FAKETIME", o.Skew),
            new("FAKETIME_DONT_FAKE_MONOTONIC", "1"),
        ]);
        run.Hosts.Add(skewed);
        skewed.Start();
        run.Log($"host 1: started pid {skewed.Pid} on {skewed.BaseUri} with its clock {o.Skew}");
        var readiness = await ClockReadinessAsync(run, skewed, TimeSpan.FromSeconds(240));
        run.Log($"host 1 /health/ready: {readiness.Status} {readiness.Body}");
        checks.Add("the skewed host's /health/ready is 503 naming the clock", readiness.Status == 503 && readiness.Body.Contains("host clock is", StringComparison.Ordinal),
            $"{readiness.Status}: {Shorten(readiness.Body)}");

        // A cold host on a loaded machine takes seconds for its first orders (JIT, the model, the pools): warm it, or the
        // measured seconds pass before it has taken any.
        var warm = await run.Load([skewed]).RunAsync(5, TimeSpan.FromSeconds(120), concurrency: 1);
        run.Log($"host 1 warm-up: {warm.Accepted.Count()} of 5 orders accepted in {Stats.F(warm.ElapsedS)} s");

        // Both hosts take orders and run their dispatchers and payment workers; the skewed one is then killed under load.
        using var stopBoth = new CancellationTokenSource();
        using var stopTail = new CancellationTokenSource();
        var loadStart = run.Clock.Elapsed.TotalSeconds;
        var both = run.Load(run.Hosts.ToList()).RunAsync(o.MaxOrders, TimeSpan.FromSeconds(o.SkewedFor!.Value + 60), o.Concurrency, o.Rate, stopBoth.Token);
        await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(o.SkewedFor!.Value)));
        var tail = run.Load([run.Hosts[0]]).RunAsync(o.MaxOrders, TimeSpan.FromSeconds(o.SkewedFor!.Value), o.Concurrency, o.Rate, stopTail.Token);
        var killedAt = run.Clock.Elapsed.TotalSeconds;
        var pid = skewed.Pid;
        skewed.Kill();
        run.Log($"kill -9 host 1 (pid {pid}) at {Stats.F(killedAt - loadStart)} s into the load; the load goes on on host 0 for {o.SkewedFor} s");
        await stopBoth.CancelAsync();
        var first = await both;
        var second = await tail;
        var accepted = warm.Accepted.Concat(first.Accepted).Concat(second.Accepted).ToList();
        run.Log($"load: {first.Attempted + second.Attempted} POSTs, {accepted.Count} accepted ({accepted.Count(s => s.Host == 1)} by the skewed host){BenchScenario.NonAccepted(first)}");
        var drained = await run.DrainAsync();
        run.SummarizeHostLogs(checks);

        var warned = File.Exists(skewed.LogPath) && File.ReadLines(skewed.LogPath).Any(l => l.Contains("This host's clock is", StringComparison.Ordinal));
        checks.Add("the skewed host's log warns about its clock", warned, Path.GetRelativePath(Environment.CurrentDirectory, skewed.LogPath));
        checks.Add("the skewed host took orders before it was killed", accepted.Any(s => s.Host == 1), $"{accepted.Count(s => s.Host == 1)} accepted");
        ResilienceScenarios.AddNo500(checks, new LoadResult([.. warm.Samples, .. first.Samples, .. second.Samples], 0, 0, 0));
        checks.Add("every POST to the running host answered", second.Samples.All(s => s.Error is null) && first.Samples.Where(s => s.Host == 0).All(s => s.Error is null),
            $"{second.Samples.Concat(first.Samples.Where(s => s.Host == 0)).Count(s => s.Error is not null)} errors");
        checks.Add($"every order left Pending within {o.DrainTimeout:0} s of the load (the skew is {o.Skew})", drained is not null,
            drained is null ? "some orders still wait" : $"{Stats.F(drained.Value)} s after the load");
        await FutureTimesAsync(run, checks);
        await HistoryOrderAsync(run, checks, accepted.Select(s => s.OrderId!.Value).ToList());
        await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Concat(accepted).Select(s => s.OrderId!.Value).ToList(), baseSeq, run.InitialStock);
    }

    private static string? FaketimeLibrary() =>
        Directory.Exists("/usr/lib")
            ? Directory.EnumerateDirectories("/usr/lib").Select(d => Path.Combine(d, "faketime", "libfaketimeMT.so.1")).FirstOrDefault(File.Exists)
            : null;

    // Polls until the host answers with a report naming the clock (after its start-up checks), or the timeout.
    private static async Task<(int Status, string Body)> ClockReadinessAsync(Runner run, HostProcess host, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        (int, string) last = (0, "no answer");
        while (DateTime.UtcNow < deadline && host.Pid is not null)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var response = await run.Http.GetAsync(new Uri(host.BaseUri, "health/ready"), cts.Token);
                last = ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cts.Token));
                if (response.StatusCode == HttpStatusCode.OK || last.Item2.Contains("host clock is", StringComparison.Ordinal))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
            }

            await Task.Delay(500);
        }

        return last;
    }

    // Nothing dated ahead by more than FutureLimit: history, scheduled messages, saga deadlines, payment attempts.
    private static async Task FutureTimesAsync(Runner run, Checks checks)
    {
        var queries = Schemas.SelectMany(s => new[]
        {
            ($"{s}.history occurred_at", $"SELECT count(*) FROM {s}.history WHERE occurred_at > now() + $1"),
            ($"{s}.outbox_messages available_at", $"SELECT count(*) FROM {s}.outbox_messages WHERE available_at > now() + $1"),
        }).Append(("ordering.fulfilment_sagas next_attempt_at", "SELECT count(*) FROM ordering.fulfilment_sagas WHERE next_attempt_at > now() + $1"))
          .Append(("payments.payments attempt_due_at/lease", "SELECT count(*) FROM payments.payments WHERE attempt_due_at > now() + $1 OR lease_expires_at > now() + $1"));
        var found = new List<string>();
        foreach (var (what, sql) in queries)
        {
            long count;
            try
            {
                count = await run.Database.ScalarAsync<long>(sql, FutureLimit);
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState is "42703" or "42P01")
            {
                found.Add($"{what}: not in this schema version");
                continue;
            }

            if (count > 0)
            {
                found.Add($"{what}: {count}");
            }
        }

        checks.Add($"nothing dated more than {FutureLimit.TotalMinutes:0} min ahead of the database's clock", found.All(f => f.EndsWith("schema version", StringComparison.Ordinal)),
            found.Count == 0 ? "history, outboxes, saga deadlines, payment attempts" : string.Join(", ", found));
        foreach (var schema in Schemas)
        {
            var ahead = await run.Database.ScalarAsync<double>($"SELECT coalesce(extract(epoch FROM max(occurred_at) - now()), 0) FROM {schema}.history");
            run.Log($"{schema}.history: the latest entry is {Stats.F(ahead)} s from the database's now()");
        }
    }

    // Each module's history of an order, in the order it was written (id), goes forward in time (1 s of tolerance for
    // transactions that overlap).
    private static async Task HistoryOrderAsync(Runner run, Checks checks, List<Guid> orders)
    {
        var backwards = new List<string>();
        foreach (var schema in Schemas)
        {
            var count = await run.Database.ScalarAsync<long>($"""
                SELECT count(*) FROM (
                    SELECT occurred_at < lag(occurred_at) OVER (PARTITION BY order_id ORDER BY id) - interval '1 second' AS back
                    FROM {schema}.history WHERE order_id = ANY($1)) h
                WHERE back
                """, orders.ToArray());
            if (count > 0)
            {
                backwards.Add($"{schema}: {count}");
            }
        }

        checks.Add("every order's history is in real order", backwards.Count == 0,
            backwards.Count == 0 ? $"{orders.Count} orders" : "entries dated before the one written before them: " + string.Join(", ", backwards));
    }

    private static string Shorten(string text) => text.Length > 240 ? text[..240] + "..." : text;
}
