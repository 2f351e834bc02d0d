using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace OrderManagement.Benchmark;

// crash, two-hosts, db-outage, failover, upgrade, skewed-host, rolling-restart and slow-neighbour: load while something fails, then the invariants. Each prints one line per
// check and "N passed, M failed" last.
internal static class ResilienceScenarios
{
    public static async Task<int> RunAsync(Options o)
    {
        var checks = new Checks();
        await using (var run = new Runner(o))
        {
            try
            {
                switch (o.Command)
                {
                    case "crash":
                        await CrashAsync(run, checks);
                        break;
                    case "two-hosts":
                        await TwoHostsAsync(run, checks);
                        break;
                    case "db-outage":
                        await DbOutageAsync(run, checks);
                        break;
                    case "failover":
                        await FailoverScenario.RunAsync(run, checks);
                        break;
                    case "upgrade":
                        await UpgradeScenario.RunAsync(run, checks);
                        break;
                    case "skewed-host":
                        await SkewedHostScenario.RunAsync(run, checks);
                        break;
                    case "rolling-restart":
                        await RollingRestartScenario.RunAsync(run, checks);
                        break;
                    case "slow-neighbour":
                        await SlowNeighbourScenario.RunAsync(run, checks);
                        break;
                }
            }
            catch (Exception ex)
            {
                Console.WriteLine($"{o.Command}: ERROR: {ex}");
                checks.Add("scenario ran to the end", false, ex.Message);
            }
        }

        Console.WriteLine(checks.Summary);
        return checks.AllOk ? 0 : 1;
    }

    // kill -9 the host at random moments under load and start it again; nothing may be lost or done twice.
    private static async Task CrashAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        run.Log($"crash: {o.LoadDescription}, {o.Kills} kills, seed {o.Seed}");
        await run.StartHostsAsync(1);
        var host = run.Hosts[0];
        var baseSeq = await run.Database.MaxSeqAsync();
        await run.SeedAsync(o.Orders ?? 0);
        var warmup = await run.WarmupAsync();

        // The host runs under load for a random time, is killed, started again, and so on; the load goes on for a
        // while after the last restart, so every incarnation takes orders.
        var rng = new Random(o.Seed);
        double minUp = o.Quick ? 2 : 5, maxUp = o.Quick ? 8 : 20, tail = o.Quick ? 8 : 20;
        using var stopLoad = new CancellationTokenSource();
        var loadStart = run.Clock.Elapsed.TotalSeconds;
        var loadTask = run.Load().RunAsync(o.MaxOrders, o.LoadDuration, o.Concurrency, o.Rate, stopLoad.Token);
        var kills = new List<(double At, int Pid)>();
        var restarts = new List<double>();
        for (var k = 0; k < o.Kills && !loadTask.IsCompleted; k++)
        {
            var up = minUp + rng.NextDouble() * (maxUp - minUp);
            await Task.WhenAny(loadTask, Task.Delay(TimeSpan.FromSeconds(up)));
            if (loadTask.IsCompleted)
            {
                run.Log("the load ended (--orders or --duration reached) before every kill");
                break;
            }

            var pid = host.Pid ?? 0;
            host.Kill();
            var at = run.Clock.Elapsed.TotalSeconds - loadStart;
            kills.Add((at, pid));
            run.Log($"kill -9 host pid {pid} at {Stats.F(at)} s into the load, after {Stats.F(up)} s under load; starting it again");
            host.Start();
            var restartClock = run.Clock.Elapsed.TotalSeconds;
            if (!await host.WaitReadyAsync(run.Http, TimeSpan.FromSeconds(180)))
            {
                run.Log($"host did NOT become ready within 180 s after kill {kills.Count}:\n{Runner.Tail(host.LogPath)}");
                break;
            }

            restarts.Add(run.Clock.Elapsed.TotalSeconds - restartClock);
            run.Log($"host ready again (pid {host.Pid}) after {Stats.F(restarts[^1])} s");

            // On a loaded machine a new incarnation can be ready but slow to take its first order; its time under load
            // starts once it has, so a kill never falls before it has taken any.
            var seqAtRestart = await run.Database.MaxSeqAsync();
            var firstOrder = Stopwatch.StartNew();
            while (await run.Database.MaxSeqAsync() == seqAtRestart && firstOrder.Elapsed < TimeSpan.FromSeconds(60) && !loadTask.IsCompleted)
            {
                await Task.Delay(100);
            }
        }

        await Task.WhenAny(loadTask, Task.Delay(TimeSpan.FromSeconds(tail)));
        await stopLoad.CancelAsync();
        var result = await loadTask;
        var ready = await host.WaitReadyAsync(run.Http, TimeSpan.FromSeconds(120));
        var accepted = result.Accepted.ToList();
        run.Log($"load: {result.Attempted} POSTs, {accepted.Count} accepted in {Stats.F(result.ElapsedS)} s{BenchScenario.NonAccepted(result)}");
        var drained = await run.DrainAsync();
        run.SummarizeHostLogs(checks);

        checks.Add($"host killed with SIGKILL {o.Kills} times under load", kills.Count == o.Kills,
            string.Join(", ", kills.Select(k => $"pid {k.Pid} at {Stats.F(k.At)} s")));
        checks.Add("host restarted and became ready after every kill", restarts.Count == kills.Count && ready,
            $"ready after {string.Join(", ", restarts.Select(r => Stats.F(r) + " s"))}");
        var lastKill = kills.Count > 0 ? loadStart + kills[^1].At : loadStart;
        var afterLastKill = accepted.Count(s => s.StartS > lastKill);
        var perIncarnation = new List<int>();
        var bounds = kills.Select(k => loadStart + k.At).Prepend(loadStart).Append(double.MaxValue).ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            perIncarnation.Add(accepted.Count(s => s.EndS > bounds[i] && s.EndS <= bounds[i + 1]));
        }

        checks.Add("every host incarnation accepted orders", perIncarnation.All(n => n > 0), "accepted per incarnation: " + string.Join(", ", perIncarnation));
        checks.Add("orders accepted after the last restart", afterLastKill > 0, $"{afterLastKill} of {accepted.Count} accepted orders");
        AddNo500(checks, result);
        checks.Add("every order left Pending within the drain timeout", drained is not null,
            drained is null ? $"timed out after {o.DrainTimeout} s" : $"{Stats.F(drained.Value)} s after the load");
        await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Concat(accepted).Select(s => s.OrderId!.Value).ToList(), baseSeq, run.InitialStock);
    }

    // The same load split over several host processes on one database: the outbox claims (SKIP LOCKED) and the
    // inboxes must keep every message to one effect.
    private static async Task TwoHostsAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        run.Log($"two-hosts: {o.Hosts} hosts, {o.LoadDescription}, seed {o.Seed}");
        await run.StartHostsAsync(o.Hosts);
        var baseSeq = await run.Database.MaxSeqAsync();
        await run.SeedAsync(o.Orders ?? 0);
        var warmup = await run.WarmupAsync();
        var measuredAfterSeq = await run.Database.MaxSeqAsync();

        var result = await run.Load().RunAsync(o.MaxOrders, o.LoadDuration, o.Concurrency, o.Rate);
        var accepted = result.Accepted.ToList();
        run.Log($"load: {result.Attempted} POSTs, {accepted.Count} accepted in {Stats.F(result.ElapsedS)} s{BenchScenario.NonAccepted(result)}");
        var drained = await run.DrainAsync();
        var rows = await run.Database.OrdersAfterAsync(measuredAfterSeq);
        var ids = accepted.Select(s => s.OrderId!.Value).ToHashSet();
        var measured = rows.Where(r => ids.Contains(r.Id)).ToList();
        var confirmed = measured.Where(r => r.ConfirmedAt is not null).ToList();
        var span = confirmed.Count > 0 ? (confirmed.Max(r => r.ConfirmedAt!.Value) - measured.Min(r => r.CreatedAt)).TotalSeconds : double.NaN;
        var post = Stats.Sorted(accepted.Select(s => s.LatencyMs));
        var confirm = Stats.Sorted(confirmed.Select(r => (r.ConfirmedAt!.Value - r.CreatedAt).TotalMilliseconds));
        run.Log($"throughput: {Stats.F(accepted.Count / result.ElapsedS)} orders/s accepted, {Stats.F(confirmed.Count / span)} orders/s confirmed"
            + $" ({confirmed.Count} Confirmed, first placed -> last Confirmed {Stats.F(span, "0.00")} s)");
        run.Log($"POST latency {Stats.Summary(post)}; placed -> Confirmed {Stats.Summary(confirm)}");
        foreach (var host in run.Hosts)
        {
            run.Log($"host {host.Index}: {accepted.Count(s => s.Host == host.Index)} orders accepted, peak RSS {Runner.Mb(host.PeakRssKb)} MB");
        }

        run.SummarizeHostLogs(checks);
        checks.Add($"all {o.Hosts} hosts took orders", run.Hosts.All(h => accepted.Any(s => s.Host == h.Index)),
            string.Join(", ", run.Hosts.Select(h => $"host {h.Index}: {accepted.Count(s => s.Host == h.Index)}")));
        checks.Add("every host still running", run.Hosts.All(h => h.Pid is not null));
        AddNo500(checks, result);
        checks.Add("every POST answered", result.Samples.All(s => s.Error is null),
            $"{result.Samples.Count(s => s.Error is not null)} errors");
        checks.Add("every order left Pending within the drain timeout", drained is not null,
            drained is null ? $"timed out after {o.DrainTimeout} s" : $"{Stats.F(drained.Value)} s after the load");
        await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Concat(accepted).Select(s => s.OrderId!.Value).ToList(), baseSeq, run.InitialStock);
        Console.WriteLine($"throughput: accepted_orders_per_s={Stats.F(accepted.Count / result.ElapsedS)} completed_orders_per_s={Stats.F(confirmed.Count / span)}"
            + $" post_p99_ms={Stats.F(Stats.Percentile(post, 99))} confirm_p99_ms={Stats.F(Stats.Percentile(confirm, 99))}");
    }

    // PostgreSQL stopped under load: requests fail fast with 503 problems, readiness says 503, and everything
    // resumes by itself when the database is back; nothing accepted is lost.
    private static async Task DbOutageAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        run.Log($"db-outage: {o.LoadDescription}, PostgreSQL down for {o.Outage} s after {o.OutageAt} s of load, answers within {o.AnswerWithin} s, seed {o.Seed}");
        await run.StartHostsAsync(1);
        var host = run.Hosts[0];
        var baseSeq = await run.Database.MaxSeqAsync();
        await run.SeedAsync(o.Orders ?? 0);
        var warmup = await run.WarmupAsync();

        using var stopProbe = new CancellationTokenSource();
        var health = new ConcurrentQueue<(double StartS, int Status, double LatencyMs, string? Error)>();
        var probe = Task.Run(async () =>
        {
            while (!stopProbe.IsCancellationRequested)
            {
                var start = run.Clock.Elapsed.TotalSeconds;
                int status = 0;
                string? error = null;
                try
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(o.RequestTimeout ?? 10));
                    using var response = await run.Http.GetAsync(new Uri(host.BaseUri, "health/ready"), cts.Token);
                    status = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    error = ex is OperationCanceledException ? "timeout" : ex.Message;
                }

                health.Enqueue((start, status, (run.Clock.Elapsed.TotalSeconds - start) * 1000, error));
                try
                {
                    await Task.Delay(250, stopProbe.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        // The load runs its planned time after PostgreSQL is back, however long stopping and starting it take on a busy
        // machine (they took 11 s instead of about 1 s at load 35, which left no time to see orders accepted again).
        var afterOutage = TimeSpan.FromSeconds(Math.Max(o.LoadDuration.TotalSeconds - (o.OutageAt ?? 5) - o.Outage, 5));
        using var endLoad = new CancellationTokenSource();
        var loadStart = run.Clock.Elapsed.TotalSeconds;
        var loadTask = run.Load().RunAsync(o.MaxOrders, o.LoadDuration + TimeSpan.FromMinutes(5), o.Concurrency, o.Rate, endLoad.Token);
        await Task.WhenAny(loadTask, Task.Delay(TimeSpan.FromSeconds(o.OutageAt ?? 5)));
        var stopBegin = run.Clock.Elapsed.TotalSeconds;
        run.Log("stopping PostgreSQL");
        var stopped = await run.RunCommandAsync("stop", o.DbStopCmd!, TimeSpan.FromSeconds(120));
        var stopEnd = run.Clock.Elapsed.TotalSeconds;
        run.Log($"PostgreSQL {(stopped ? "stopped" : "STOP FAILED")} ({Stats.F(stopEnd - stopBegin)} s); keeping it down {o.Outage} s");
        await Task.Delay(TimeSpan.FromSeconds(o.Outage));
        var startBegin = run.Clock.Elapsed.TotalSeconds;
        var started = await run.RunCommandAsync("start", o.DbStartCmd!, TimeSpan.FromSeconds(120));
        var startEnd = run.Clock.Elapsed.TotalSeconds;
        run.Database.ClearPool();
        run.Log($"PostgreSQL {(started ? "started" : "START FAILED")} ({Stats.F(startEnd - startBegin)} s)");

        await Task.WhenAny(loadTask, Task.Delay(afterOutage));
        await endLoad.CancelAsync();
        var result = await loadTask;
        var readyAgain = await host.WaitReadyAsync(run.Http, TimeSpan.FromSeconds(60));
        await Task.Delay(1000);
        await stopProbe.CancelAsync();
        await probe;
        var accepted = result.Accepted.ToList();
        run.Log($"load: {result.Attempted} POSTs in {Stats.F(result.ElapsedS)} s, {accepted.Count} accepted{BenchScenario.NonAccepted(result)}");
        var drained = await run.DrainAsync();
        run.SummarizeHostLogs(checks);

        checks.Add("PostgreSQL stopped and started by the scripts", stopped && started,
            $"down from {Stats.F(stopEnd - loadStart)} s to {Stats.F(startEnd - loadStart)} s into the load");

        var limitMs = o.AnswerWithin * 1000;
        var samples = result.Samples;
        var slow = samples.Where(s => s.Error is not null || s.LatencyMs > limitMs).ToList();
        checks.Add($"every POST answered within {o.AnswerWithin} s (no hang)", slow.Count == 0,
            $"{samples.Count} POSTs, max {Stats.F(samples.Count > 0 ? samples.Max(s => s.LatencyMs) : 0)} ms, {slow.Count} slow or unanswered"
            + (slow.Count > 0 ? $" (e.g. {slow[0].Error ?? Stats.F(slow[0].LatencyMs) + " ms"} at {Stats.F(slow[0].StartS - loadStart)} s)" : ""));
        AddNo500(checks, result);
        var unexpected = samples.Where(s => s.Error is null && s.Status is not (202 or 503)).ToList();
        checks.Add("every POST answered 202 or 503", unexpected.Count == 0,
            unexpected.Count == 0 ? $"{samples.Count(s => s.Status == 202)} x 202, {samples.Count(s => s.Status == 503)} x 503"
                : string.Join(", ", unexpected.GroupBy(s => s.Status).Select(g => $"{g.Key} x{g.Count()}")));
        var unavailable = samples.Where(s => s.Status == 503).ToList();
        checks.Add("503s are problem+json", unavailable.All(s => s.ProblemJson), $"{unavailable.Count(s => !s.ProblemJson)} of {unavailable.Count} are not");
        var during = samples.Where(s => s.StartS >= stopEnd + 0.5 && s.EndS <= startBegin).ToList();
        var during503 = Stats.Sorted(during.Where(s => s.Status == 503).Select(s => s.LatencyMs));
        checks.Add("POSTs during the outage fail fast with 503", during.Count > 0 && during503.Length == during.Count,
            $"{during.Count} POSTs while down: {during503.Length} x 503, latency {Stats.Summary(during503)}");
        checks.Add("no 202 while the database was down", during.All(s => s.Status != 202), $"{during.Count(s => s.Status == 202)} x 202");

        var probes = health.ToList();
        var probesDown = probes.Where(p => p.StartS >= stopEnd + 0.5 && p.StartS + p.LatencyMs / 1000 <= startBegin).ToList();
        checks.Add("/health/ready answers 503 during the outage", probesDown.Count > 0 && probesDown.All(p => p.Status == 503),
            $"{probesDown.Count} probes while down: " + string.Join(", ", probesDown.GroupBy(p => p.Error ?? p.Status.ToString(CultureInfo.InvariantCulture)).Select(g => $"{g.Key} x{g.Count()}"))
            + $", max {Stats.F(probesDown.Count > 0 ? probesDown.Max(p => p.LatencyMs) : 0)} ms");
        checks.Add($"/health/ready always answered within {o.AnswerWithin} s", probes.All(p => p.Error is null && p.LatencyMs <= limitMs),
            $"{probes.Count} probes, max {Stats.F(probes.Count > 0 ? probes.Max(p => p.LatencyMs) : 0)} ms, {probes.Count(p => p.Error is not null)} errors");
        var firstReady = probes.Where(p => p.StartS >= startEnd && p.Status == 200).Select(p => p.StartS).DefaultIfEmpty(double.NaN).Min();
        checks.Add("/health/ready is 200 again after the database returned", readyAgain && !double.IsNaN(firstReady),
            $"{Stats.F(firstReady - startEnd)} s after PostgreSQL was up");
        var resumed = accepted.Where(s => s.StartS >= startEnd).ToList();
        var firstResumed = resumed.Count > 0 ? resumed.Min(s => s.EndS) - startEnd : double.NaN;
        checks.Add("orders accepted again after the outage", resumed.Count > 0, $"{resumed.Count} accepted, the first {Stats.F(firstResumed)} s after PostgreSQL was up");
        checks.Add("every order left Pending within the drain timeout", drained is not null,
            drained is null ? $"timed out after {o.DrainTimeout} s" : $"{Stats.F(drained.Value)} s after the load");
        await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Concat(accepted).Select(s => s.OrderId!.Value).ToList(), baseSeq, run.InitialStock);
    }

    public static void AddNo500(Checks checks, LoadResult result)
    {
        var errors = result.Samples.Where(s => s.Status == (int)HttpStatusCode.InternalServerError).ToList();
        checks.Add("no 500 responses", errors.Count == 0, $"{errors.Count} x 500 of {result.Samples.Count} POSTs");
    }
}
