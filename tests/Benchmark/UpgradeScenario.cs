using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OrderManagement.Benchmark;

// upgrade: the previous build takes orders and is stopped (kill -9, or SIGTERM with --stop term) while orders are in
// every saga step; the current build then starts on the same database and must finish every one of them: each order
// reaches the state its payment token and its cancellation call for, and the invariants of the other runs hold.
internal static class UpgradeScenario
{
    // The previous build dead-letters after two attempts, so tok_outage orders fail their saga; the provider's outage
    // outlasts the run.
    private static readonly KeyValuePair<string, string>[] PreviousEnv =
    [
        new("Messaging__MaxAttempts", "2"),
        new("Messaging__BaseRetryDelay", "00:00:00.200"),
        new("Payments__SandboxOutage", "01:00:00"),
    ];

    // The current build's sandbox answers tok_outage at once: the replayed dead letters complete.
    private static readonly KeyValuePair<string, string>[] CurrentEnv = [new("Payments__SandboxOutage", "00:00:00")];

    private const int OutageOrders = 3;

    public static async Task RunAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        var port = o.Port ?? HostProcess.FreePort();
        run.Log($"upgrade: previous build {o.FromHostDll}, current build {o.HostDll}; {o.LoadDescription} per run of the previous build,"
            + $" stopped with {(o.StopWithSigterm ? "SIGTERM" : "SIGKILL")}, at most {o.Cycles} runs, seed {o.Seed}");
        var previous = new HostProcess(0, port, o, run.WorkDir, o.FromHostDll, PreviousEnv);
        run.Hosts.Add(previous);
        long baseSeq = 0;
        var accepted = new List<Guid>();
        var tokens = new Dictionary<Guid, string>();
        var cancelled = new ConcurrentDictionary<Guid, bool>();
        var samples = new List<Sample>();
        var rng = new Random(o.Seed);
        Dictionary<string, long>? covered = null;
        for (var cycle = 1; cycle <= o.Cycles; cycle++)
        {
            previous.Start();
            if (!await previous.WaitReadyAsync(run.Http, TimeSpan.FromSeconds(240)))
            {
                throw new InvalidOperationException($"the previous build did not become ready within 240 s:\n{Runner.Tail(previous.LogPath)}");
            }

            run.Log($"previous build ready (pid {previous.Pid}), run {cycle}");
            if (cycle == 1)
            {
                baseSeq = await run.Database.MaxSeqAsync();
                await run.SeedAsync(0);
                var outage = await PlaceAsync(run, "tok_outage", OutageOrders, rng);
                foreach (var id in outage)
                {
                    accepted.Add(id);
                    tokens[id] = "tok_outage";
                }

                var failed = await WaitAsync(run.Database, "SELECT count(*) FROM ordering.fulfilment_sagas WHERE status = 'Failed' AND order_id = ANY($1)",
                    outage.ToArray(), OutageOrders, TimeSpan.FromSeconds(90));
                run.Log($"{failed} of {OutageOrders} tok_outage sagas Failed (their AuthorizePayment dead-lettered)");
            }

            // The previous build is stopped under load: orders are then in every step, each at some moment of it.
            using var stopLoad = new CancellationTokenSource();
            using var stopCancelling = new CancellationTokenSource();
            var load = run.Load().RunAsync(o.MaxOrders, TimeSpan.FromSeconds(o.Duration!.Value + 60), o.Concurrency, stopIssuing: stopLoad.Token);
            var canceller = CancelSomeAsync(run, previous, cancelled, stopCancelling.Token);
            await Task.Delay(TimeSpan.FromSeconds(o.Duration!.Value));
            await stopCancelling.CancelAsync();
            await canceller;

            // Completed sagas that compensate when the new build arrives: a few confirmed orders are cancelled last.
            var confirmed = await run.Database.RowsAsync(
                "SELECT id FROM ordering.orders WHERE seq > $1 AND status = 'Confirmed' ORDER BY seq DESC LIMIT 3", baseSeq);
            foreach (var row in confirmed)
            {
                await CancelAsync(run, previous, (Guid)row[0]!, cancelled);
            }

            if (o.StopWithSigterm)
            {
                await previous.StopAsync(TimeSpan.FromSeconds(30));
            }
            else
            {
                previous.Kill();
            }

            await stopLoad.CancelAsync();
            var result = await load;
            samples.AddRange(result.Samples);
            foreach (var s in result.Accepted)
            {
                accepted.Add(s.OrderId!.Value);
                tokens[s.OrderId.Value] = s.Token;
            }

            run.Log($"run {cycle}: {result.Accepted.Count()} orders accepted, {cancelled.Count} cancellations accepted so far;"
                + $" the previous build was stopped with {(o.StopWithSigterm ? "SIGTERM" : "SIGKILL")} under load");
            covered = await SagaStepsAsync(run.Database, baseSeq);
            run.Log("saga steps at the stop: " + string.Join(", ", covered.Select(c => $"{c.Key}: {c.Value}")));
            var missing = Required.Where(r => !covered.ContainsKey(r)).ToList();
            if (missing.Count == 0)
            {
                break;
            }

            run.Log($"no order {string.Join(", ", missing)} at the stop; running the previous build again");
        }

        checks.Add("the previous build stopped with orders in every saga step", Required.All(r => covered!.ContainsKey(r)),
            string.Join(", ", Required.Select(r => $"{r}: {covered!.GetValueOrDefault(r)}")));
        var failedAtStop = await run.Database.RowsAsync(
            "SELECT order_id FROM ordering.fulfilment_sagas s JOIN ordering.orders o ON o.id = s.order_id WHERE o.seq > $1 AND s.status = 'Failed'", baseSeq);

        run.Hosts.Clear();
        var current = new HostProcess(1, port, o, run.WorkDir, o.HostDll, CurrentEnv);
        run.Hosts.Add(current);
        current.Start();
        var ready = await current.WaitReadyAsync(run.Http, TimeSpan.FromSeconds(240));
        checks.Add("the current build started on the previous build's database", ready, ready ? $"pid {current.Pid}" : Runner.Tail(current.LogPath));
        if (!ready)
        {
            return;
        }

        var replayed = await ReplayDeadLettersAsync(run, current);
        checks.Add("dead letters of the failed sagas replayed by an operator on the current build", replayed >= failedAtStop.Count && failedAtStop.Count > 0,
            $"{failedAtStop.Count} sagas Failed at the stop, {replayed} dead letters replayed");
        var drained = await run.DrainAsync();
        run.SummarizeHostLogs(checks);
        checks.Add("every order left Pending within the drain timeout", drained is not null,
            drained is null ? $"timed out after {o.DrainTimeout} s" : $"{Stats.F(drained.Value)} s after the upgrade");
        ResilienceScenarios.AddNo500(checks, new LoadResult(samples, 0, 0, samples.Count));
        await CheckOutcomesAsync(run.Database, checks, tokens, cancelled);
        await Invariants.CheckAsync(run.Database, checks, accepted, baseSeq, run.InitialStock);
    }

    // The saga steps an upgrade must carry over, as "status/step" of the previous build's table.
    private static readonly string[] Required =
    [
        "Running/ReserveStock", "Running/AuthorizePayment (Payments retrying)", "Running/CreateShipment", "Compensating", "Failed",
    ];

    private static async Task<Dictionary<string, long>> SagaStepsAsync(Database db, long afterSeq)
    {
        var rows = await db.RowsAsync("""
            SELECT s.status, s.current_step, coalesce(p.status = 'Pending' AND p.attempts > 0, false), count(*)
            FROM ordering.fulfilment_sagas s JOIN ordering.orders o ON o.id = s.order_id
            LEFT JOIN payments.payments p ON p.order_id = o.id
            WHERE o.seq > $1 GROUP BY 1, 2, 3
            """, afterSeq);
        var result = new Dictionary<string, long>();
        foreach (var r in rows)
        {
            var (status, step, retrying, count) = ((string)r[0]!, (string)r[1]!, (bool)r[2]!, (long)r[3]!);
            var key = status switch
            {
                "Running" when step == "AuthorizePayment" && retrying => "Running/AuthorizePayment (Payments retrying)",
                "Running" => $"Running/{step}",
                "Compensating" => "Compensating",
                _ => status,
            };
            result[key] = result.GetValueOrDefault(key) + count;
        }

        return result;
    }

    private static async Task<long> WaitAsync(Database db, string countSql, Guid[] ids, long want, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long n;
        while ((n = await db.ScalarAsync<long>(countSql, ids)) < want && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        return n;
    }

    private static async Task<List<Guid>> PlaceAsync(Runner run, string token, int count, Random rng)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(run.Hosts[0].BaseUri, "api/v1/orders"))
            {
                Content = new ByteArrayContent(run.Factory.Body(rng, token)) { Headers = { ContentType = new("application/json") } },
            };
            request.Headers.Add("X-Api-Key", "dev-storefront-key");
            using var response = await run.Http.SendAsync(request);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            ids.Add(response.StatusCode == HttpStatusCode.Accepted
                ? body.GetProperty("orderId").GetGuid()
                : throw new InvalidOperationException($"POST order ({token}) answered {(int)response.StatusCode}: {body}"));
        }

        return ids;
    }

    // Cancels an accepted order now and then while the load runs: orders compensate from every step.
    private static async Task CancelSomeAsync(Runner run, HostProcess host, ConcurrentDictionary<Guid, bool> cancelled, CancellationToken stop)
    {
        var rng = new Random(run.Options.Seed + 1);
        while (!stop.IsCancellationRequested)
        {
            var candidates = run.LiveSamples.Where(s => s.Status == 202 && s.OrderId is { } id && !cancelled.ContainsKey(id)).ToList();
            if (candidates.Count > 0 && rng.NextDouble() < 0.5)
            {
                await CancelAsync(run, host, candidates[^(1 + rng.Next(Math.Min(5, candidates.Count)))].OrderId!.Value, cancelled);
            }

            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Only a cancellation answered 202 must end Cancelled (true); a refusal (409: already Rejected) leaves the token's
    // outcome; one without an answer (false) allows either.
    private static async Task CancelAsync(Runner run, HostProcess host, Guid orderId, ConcurrentDictionary<Guid, bool> cancelled)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUri, $"api/v1/orders/{orderId}/cancel"))
        {
            Content = new StringContent("{\"reason\":\"upgrade test\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", "dev-storefront-key");
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            using var response = await run.Http.SendAsync(request, cts.Token);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                cancelled[orderId] = true;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // No answer: the cancellation may or may not have been accepted.
            cancelled[orderId] = false;
        }
    }

    private static async Task<int> ReplayDeadLettersAsync(Runner run, HostProcess host)
    {
        var replayed = 0;
        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUri, "api/v1/ops/dead-letters?limit=100"));
        list.Headers.Add("X-Api-Key", "dev-operator-key");
        using var listed = await run.Http.SendAsync(list);
        var page = await listed.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetGuid();
            using var replay = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUri, $"api/v1/ops/dead-letters/{id}/replay"))
            {
                Content = new StringContent("{\"reason\":\"upgrade test: the provider is back\"}", Encoding.UTF8, "application/json"),
            };
            replay.Headers.Add("X-Api-Key", "dev-operator-key");
            using var answer = await run.Http.SendAsync(replay);
            run.Log($"replay of dead letter {id} ({item.GetProperty("messageType").GetString()}): {(int)answer.StatusCode}");
            replayed += answer.StatusCode == HttpStatusCode.Accepted ? 1 : 0;
        }

        return replayed;
    }

    private static async Task CheckOutcomesAsync(Database db, Checks checks, Dictionary<Guid, string> tokens, ConcurrentDictionary<Guid, bool> cancelled)
    {
        var rows = await db.RowsAsync("SELECT o.id, o.status, coalesce(o.rejection_reason, '-') FROM ordering.orders o WHERE o.id = ANY($1)",
            tokens.Keys.ToArray());
        var wrong = new List<string>();
        var byOutcome = new Dictionary<string, int>();
        foreach (var r in rows)
        {
            var (id, status, reason) = ((Guid)r[0]!, (string)r[1]!, (string)r[2]!);
            var byToken = tokens[id] switch
            {
                "tok_visa" or "tok_mastercard" or "tok_flaky" or "tok_outage" => "Confirmed/-",
                "tok_timeout" => "Rejected/PaymentFailed",
                _ => "Rejected/PaymentDeclined",
            };
            string[] allowed = !cancelled.TryGetValue(id, out var answered) ? [byToken] : answered ? ["Cancelled/-"] : ["Cancelled/-", byToken];
            var actual = $"{status}/{reason}";
            byOutcome[actual] = byOutcome.GetValueOrDefault(actual) + 1;
            if (!allowed.Contains(actual))
            {
                wrong.Add($"{id} ({tokens[id]}{(cancelled.ContainsKey(id) ? ", cancel sent" : "")}): {actual}, expected {string.Join(" or ", allowed)}");
            }
        }

        checks.Add("every order reached the state its token and cancellation call for", wrong.Count == 0 && rows.Count == tokens.Count,
            $"{rows.Count} of {tokens.Count} orders found; " + string.Join(", ", byOutcome.Select(b => $"{b.Key}: {b.Value}"))
            + (wrong.Count > 0 ? $"; {wrong.Count} wrong, e.g. " + string.Join("; ", wrong.Take(5)) : ""));
    }
}
