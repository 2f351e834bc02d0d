using System.Collections.Concurrent;
using System.Globalization;

namespace OrderManagement.Benchmark;

// Several hosts behind a load balancer on a primary + synchronous standby: while orders are placed through the load
// balancer, (a) one host is killed, (b) the primary PostgreSQL node is killed so the standby is promoted, (c) the old
// primary comes back as the standby, (d) a second host is killed. Nothing accepted may be lost or done twice.
internal static class FailoverScenario
{
    public static async Task RunAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        double settle = o.Quick ? 4 : 10, tail = o.Quick ? 8 : 20;
        run.Log($"failover: {o.Hosts} hosts behind {o.Via}, {o.LoadDescription}, seed {o.Seed}");
        if (o.Hosts < 3)
        {
            throw new InvalidOperationException("failover needs --hosts 3 or more: two are killed and one must stay");
        }

        await run.StartHostsAsync(o.Hosts);
        await WaitBalancerReadyAsync(run);
        var baseSeq = await run.Database.MaxSeqAsync();
        await run.SeedAsync(o.Orders ?? 0);
        var warmup = await run.WarmupAsync();

        var survivor = run.Hosts[^1];
        using var stopProbe = new CancellationTokenSource();
        var probes = new ConcurrentQueue<(double At, int Status, string Body)>();
        var probe = ProbeReadinessAsync(run, survivor, probes, stopProbe.Token);

        using var stopLoad = new CancellationTokenSource();
        var loadStart = run.Clock.Elapsed.TotalSeconds;
        var loadTask = run.Load().RunAsync(o.MaxOrders, o.LoadDuration, o.Concurrency, o.Rate, stopLoad.Token);
        double Now() => run.Clock.Elapsed.TotalSeconds;

        await Task.Delay(TimeSpan.FromSeconds(settle));
        var hostKills = new List<double>();
        run.Hosts[0].Kill();
        hostKills.Add(Now());
        run.Log($"(a) kill -9 host 0 at {Stats.F(hostKills[^1] - loadStart)} s into the load");

        await Task.Delay(TimeSpan.FromSeconds(settle));
        // The command first asks the monitor which node is the primary (seconds on a loaded machine) and kills last,
        // so the switch starts when it returns.
        var killed = await run.RunCommandAsync("kill the primary", o.DbKillCmd!, TimeSpan.FromSeconds(60));
        var dbKill = Now();
        run.Log($"(b) kill -9 the primary PostgreSQL node at {Stats.F(dbKill - loadStart)} s: {(killed ? "done" : "FAILED")}; waiting for orders to be accepted again");
        var recoveredAt = await WaitAcceptedAfterAsync(run, loadTask, dbKill + 0.5, TimeSpan.FromSeconds(120));
        run.Log(recoveredAt is { } r ? $"orders accepted again {Stats.F(r - dbKill)} s after the primary was killed" : "orders NOT accepted again within 120 s");

        await Task.Delay(TimeSpan.FromSeconds(settle / 2));
        var rejoinStart = Now();
        var rejoined = await run.RunCommandAsync("rejoin the old primary", o.DbRejoinCmd!, TimeSpan.FromSeconds(300));
        var rejoinEnd = Now();
        run.Log($"(c) old primary started again: {(rejoined ? $"the standby after {Stats.F(rejoinEnd - rejoinStart)} s" : "it did NOT become the standby")}");

        await Task.Delay(TimeSpan.FromSeconds(settle / 2));
        run.Hosts[1].Kill();
        hostKills.Add(Now());
        run.Log($"(d) kill -9 host 1 at {Stats.F(hostKills[^1] - loadStart)} s into the load");

        await Task.WhenAny(loadTask, Task.Delay(TimeSpan.FromSeconds(tail)));
        await stopLoad.CancelAsync();
        var result = await loadTask;
        await stopProbe.CancelAsync();
        await probe;
        var accepted = result.Accepted.ToList();
        run.Log($"load: {result.Attempted} POSTs, {accepted.Count} accepted in {Stats.F(result.ElapsedS)} s{BenchScenario.NonAccepted(result)}");
        var drained = await run.DrainAsync();
        run.SummarizeHostLogs(checks);

        var samples = result.Samples;
        var switchEnd = recoveredAt ?? double.MaxValue;
        var duringSwitch = samples.Where(s => s.StartS >= dbKill && s.StartS < switchEnd).ToList();
        var rows = await run.Database.OrdersAfterAsync(baseSeq);
        var ids = accepted.Select(s => s.OrderId!.Value).ToHashSet();
        var confirmed = rows.Count(r => ids.Contains(r.Id) && r.ConfirmedAt is not null);
        Console.WriteLine($"figures: accepted={accepted.Count} confirmed={confirmed} posts={samples.Count}"
            + $" switch_503={duringSwitch.Count(s => s.Status == 503)} switch_posts={duringSwitch.Count}"
            + $" time_to_recover_s={(recoveredAt is { } rec ? Stats.F(rec - dbKill) : "n/a")}"
            + $" rejoin_s={Stats.F(rejoinEnd - rejoinStart)} 502={samples.Count(s => s.Status == 502)}");

        checks.Add("(a) host 0 killed, (d) host 1 killed", run.Hosts[0].Pid is null && run.Hosts[1].Pid is null);
        checks.Add("(b) primary killed and orders accepted again on the promoted standby", killed && recoveredAt is not null,
            recoveredAt is { } rr ? $"{Stats.F(rr - dbKill)} s from the kill to the first 202 after it" : "no 202 after the kill");
        checks.Add("(c) old primary rejoined as the standby", rejoined, $"{Stats.F(rejoinEnd - rejoinStart)} s");
        checks.Add("the last host took orders to the end", accepted.Any(s => s.StartS > hostKills[^1]),
            $"{accepted.Count(s => s.StartS > hostKills[^1])} accepted after the second host was killed");
        var errors500 = samples.Count(s => s.Status == 500);
        checks.Add("no 500 responses", errors500 == 0, $"{errors500} x 500 of {samples.Count} POSTs");
        var limitMs = o.AnswerWithin * 1000;
        var slow = samples.Where(s => s.Error is not null || s.LatencyMs > limitMs).OrderBy(s => s.Error is null).ThenBy(s => s.StartS).ToList();
        checks.Add($"every POST answered within {o.AnswerWithin} s (no hang)", slow.Count == 0,
            $"max {Stats.F(samples.Count > 0 ? samples.Max(s => s.LatencyMs) : 0)} ms, {slow.Count} slow or unanswered"
            + (slow.Count > 0 ? $" (e.g. {string.Join("; ", slow.Take(5).Select(s => $"{s.Error ?? Stats.F(s.LatencyMs) + " ms"} sent at {Stats.F(s.StartS - loadStart)} s, ended at {Stats.F(s.EndS - loadStart)} s"))})" : "")
            + $"; kills at {string.Join(", ", hostKills.Append(dbKill).Order().Select(k => Stats.F(k - loadStart) + " s"))}");
        var unexpected = samples.Where(s => s.Error is null && s.Status is not (202 or 503 or 502)).ToList();
        checks.Add("every POST answered 202, 503 or 502", unexpected.Count == 0,
            unexpected.Count == 0 ? $"{samples.Count(s => s.Status == 202)} x 202, {samples.Count(s => s.Status == 503)} x 503, {samples.Count(s => s.Status == 502)} x 502"
                : string.Join(", ", unexpected.GroupBy(s => s.Status).Select(g => $"{g.Key} x{g.Count()}")));
        var refusals = samples.Where(s => s.Status is 503 or 502).ToList();
        checks.Add("every 503 and 502 is problem+json with Retry-After", refusals.All(s => s.ProblemJson && s.RetryAfter),
            $"{refusals.Count(s => !(s.ProblemJson && s.RetryAfter))} of {refusals.Count} are not");
        var stray502 = samples.Where(s => s.Status == 502 && !hostKills.Any(k => s.StartS <= k + 0.5 && s.EndS >= k - 0.5)).ToList();
        checks.Add("502 only for requests in flight on a host when it was killed", stray502.Count == 0,
            $"{samples.Count(s => s.Status == 502)} x 502, {stray502.Count} not in flight at a kill");
        var probeList = probes.ToList();
        var notReady = probeList.Where(p => p.At >= dbKill && p.At < switchEnd && p.Status == 503).ToList();
        checks.Add("readiness said why it was not ready during the switch", notReady.Count > 0 && notReady.All(p => p.Body.Contains("\"reason\"", StringComparison.Ordinal)),
            notReady.Count > 0 ? $"{notReady.Count} x 503, e.g. {Trim(notReady[0].Body)}" : "no 503 seen from the surviving host during the switch");
        checks.Add("every order left Pending within the drain timeout", drained is not null,
            drained is null ? $"timed out after {o.DrainTimeout} s" : $"{Stats.F(drained.Value)} s after the load");
        await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Concat(accepted).Select(s => s.OrderId!.Value).ToList(), baseSeq, run.InitialStock);
    }

    private static string Trim(string body) => body.Length > 200 ? body[..200] : body;

    // HAProxy puts a host in rotation after two passing health checks.
    private static async Task WaitBalancerReadyAsync(Runner run)
    {
        for (var i = 0; i < 120; i++)
        {
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
                using var response = await run.Http.GetAsync(new Uri(run.Options.Via!, "health/ready"), cts.Token);
                if ((int)response.StatusCode == 200)
                {
                    run.Log($"the load balancer at {run.Options.Via} routes to a ready host");
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"the load balancer at {run.Options.Via} never answered /health/ready with 200");
    }

    // Polls the host that stays up, directly, so its own readiness answer (and reason) is seen, not the balancer's.
    private static Task ProbeReadinessAsync(Runner run, HostProcess host, ConcurrentQueue<(double, int, string)> probes, CancellationToken stop) =>
        Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var at = run.Clock.Elapsed.TotalSeconds;
                try
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    using var response = await run.Http.GetAsync(new Uri(host.BaseUri, "health/ready"), cts.Token);
                    probes.Enqueue((at, (int)response.StatusCode, await response.Content.ReadAsStringAsync(cts.Token)));
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    probes.Enqueue((at, 0, ex.Message));
                }

                try
                {
                    await Task.Delay(250, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

    // The first order accepted that was sent after `after`, or null if none within the timeout.
    private static async Task<double?> WaitAcceptedAfterAsync(Runner run, Task<LoadResult> load, double after, TimeSpan timeout)
    {
        var deadline = run.Clock.Elapsed.TotalSeconds + timeout.TotalSeconds;
        while (run.Clock.Elapsed.TotalSeconds < deadline && !load.IsCompleted)
        {
            var ok = run.LiveSamples.Where(s => s.Status == 202 && s.StartS >= after).Select(s => s.EndS).DefaultIfEmpty(double.NaN).Min();
            if (!double.IsNaN(ok))
            {
                return ok;
            }

            await Task.Delay(200);
        }

        return null;
    }
}
