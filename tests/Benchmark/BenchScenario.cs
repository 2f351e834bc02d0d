using System.Globalization;

namespace OrderManagement.Benchmark;

// Throughput and latency of one host (or of --hosts N behind --via): orders/s accepted and confirmed, POST and placed->Confirmed latency,
// database commits per order, host peak RSS, and the invariants afterwards.
internal static class BenchScenario
{
    public static async Task<int> RunAsync(Options o)
    {
        double completedPerS = 0, sustainedPerS = 0, postP99 = double.NaN, confirmP99 = double.NaN, commitsPerOrder = double.NaN;
        long peakRssKb = 0;
        var checks = new Checks();
        await using (var run = new Runner(o))
        {
            try
            {
                run.Log($"bench: {o.LoadDescription}, warm-up {o.Warmup}, preload {o.Preload}, seed {o.Seed}");
                await run.StartHostsAsync(o.Hosts);
                var host = run.Hosts[0];

                // With several hosts (behind --via) their CPU is added up.
                double HostsCpu() => run.Hosts.Sum(h => CpuMeter.ProcessSeconds(h.Pid ?? 0) ?? double.NaN);
                if (o.Preload > 0)
                {
                    await run.Database.PreloadAsync(o.Preload, run.Log);
                }

                var baseSeq = await run.Database.MaxSeqAsync();
                await run.SeedAsync(o.Orders ?? 0);

                // Idle baseline: let the statistics of the seeding settle (idle backends report within ~10 s),
                // then count the commits of an idle host (its dispatchers poll) for 5 s.
                run.Log("statistics: waiting 11 s for idle backends to report, then 5 s of idle baseline");
                await Task.Delay(TimeSpan.FromSeconds(11));
                var postmaster = CpuMeter.ParentOf(await run.Database.ScalarAsync<int>("SELECT pg_backend_pid()")) ?? 0;
                var idleStart = await run.Database.CountersAsync();
                var idleClock = run.Clock.Elapsed.TotalSeconds;
                var idleHostCpu0 = HostsCpu();
                var idlePgCpu0 = CpuMeter.ClusterSeconds(postmaster) ?? double.NaN;
                await Task.Delay(TimeSpan.FromSeconds(5));
                var ownBefore = run.Database.OwnStatements;
                var before = await run.Database.CountersAsync();
                var windowStart = run.Clock.Elapsed.TotalSeconds;
                var idleCommitsPerS = (before.XactCommit - idleStart.XactCommit - 1) / (windowStart - idleClock);
                var idleHostCpuPerS = (HostsCpu() - idleHostCpu0) / (windowStart - idleClock);
                var idlePgCpuPerS = ((CpuMeter.ClusterSeconds(postmaster) ?? double.NaN) - idlePgCpu0) / (windowStart - idleClock);

                var warmup = await run.WarmupAsync();
                var measuredAfterSeq = await run.Database.MaxSeqAsync();

                // CPU is counted for the measured orders only (after the warm-up's JIT and first-call costs).
                var cpuStart = run.Clock.Elapsed.TotalSeconds;
                var hostCpu0 = HostsCpu();
                var pgCpu0 = CpuMeter.ClusterSeconds(postmaster) ?? double.NaN;
                var selfCpu0 = Environment.CpuUsage.TotalTime.TotalSeconds;

                run.Log($"load: {o.LoadDescription}");
                var result = await run.Load().RunAsync(o.MaxOrders, o.LoadDuration, o.Concurrency, o.Rate);
                var accepted = result.Accepted.ToList();
                run.Log($"load: {result.Attempted} POSTs, {accepted.Count} accepted in {Stats.F(result.ElapsedS, "0.00")} s");
                var pendingAtLoadEnd = await run.Database.PendingAsync();
                var drained = await run.DrainAsync();

                // Deferred work caused by these orders (saga step deadlines fire 10-25 s later in Development)
                // belongs to their cost: wait until every outbox is empty before closing the window.
                var settle = System.Diagnostics.Stopwatch.StartNew();
                long backlog;
                while ((backlog = await run.Database.OutboxBacklogAsync()) > 0 && settle.Elapsed < TimeSpan.FromSeconds(90))
                {
                    await Task.Delay(500);
                }

                run.Log(backlog == 0
                    ? $"every outbox is empty (scheduled deadlines delivered) after {Stats.F(settle.Elapsed.TotalSeconds)} s"
                    : $"{backlog} outbox messages still scheduled after 90 s; commits/order excludes them");
                peakRssKb = run.Hosts.Max(h => h.PeakRssKb);
                var sampleRssNow = host.Pid;
                var hostCpu = HostsCpu() - hostCpu0;
                var selfCpu = Environment.CpuUsage.TotalTime.TotalSeconds - selfCpu0;
                var cpuWindowS = run.Clock.Elapsed.TotalSeconds - cpuStart;
                await run.StopHostsAsync();
                run.Log($"host stopped (pid {sampleRssNow}); peak RSS (VmHWM) {Runner.Mb(peakRssKb)} MB");
                for (var i = 0; i < 50 && await run.Database.OtherBackendsAsync() > 0; i++)
                {
                    await Task.Delay(200);
                }

                var ownAfter = run.Database.OwnStatements;
                var after = await run.Database.CountersAsync();
                var pgCpu = (CpuMeter.ClusterSeconds(postmaster) ?? double.NaN) - pgCpu0;
                var windowS = run.Clock.Elapsed.TotalSeconds - windowStart;

                // Figures of the measured orders.
                var rows = await run.Database.OrdersAfterAsync(measuredAfterSeq);
                var acceptedIds = accepted.Select(s => s.OrderId!.Value).ToHashSet();
                var measured = rows.Where(r => acceptedIds.Contains(r.Id)).ToList();
                var confirmed = measured.Where(r => r.ConfirmedAt is not null).ToList();
                var finished = measured.Where(r => r.LeftPendingAt is not null).ToList();
                var post = Stats.Sorted(accepted.Select(s => s.LatencyMs));
                var confirm = Stats.Sorted(confirmed.Select(r => (r.ConfirmedAt!.Value - r.CreatedAt).TotalMilliseconds));
                var leave = Stats.Sorted(finished.Select(r => (r.LeftPendingAt!.Value - r.CreatedAt).TotalMilliseconds));
                var acceptedPerS = accepted.Count / Math.Max(result.ElapsedS, 1e-9);
                var confirmSpan = confirmed.Count > 0 ? (confirmed.Max(r => r.ConfirmedAt!.Value) - measured.Min(r => r.CreatedAt)).TotalSeconds : double.NaN;
                completedPerS = confirmed.Count > 0 ? confirmed.Count / confirmSpan : 0;
                // Sustained: orders confirmed while the load ran (the host's clock, like confirmed_at).
                var loadFrom = accepted.Count > 0 ? accepted.Min(a => a.SentUtc) : DateTimeOffset.MinValue;
                var loadTo = accepted.Count > 0 ? accepted.Max(a => a.SentUtc.AddMilliseconds(a.LatencyMs)) : DateTimeOffset.MinValue;
                var confirmedDuringLoad = confirmed.Count(r => r.ConfirmedAt >= loadFrom && r.ConfirmedAt <= loadTo);
                var duringLoadPerS = confirmedDuringLoad / Math.Max((loadTo - loadFrom).TotalSeconds, 1e-9);
                // Steady state: the load window without its first tenth (at most 5 s), while the pipeline fills.
                var steadyFrom = loadFrom + TimeSpan.FromSeconds(Math.Min(5, (loadTo - loadFrom).TotalSeconds / 10));
                var steadyS = Math.Max((loadTo - steadyFrom).TotalSeconds, 1e-9);
                var confirmedSteady = confirmed.Count(r => r.ConfirmedAt >= steadyFrom && r.ConfirmedAt <= loadTo);
                sustainedPerS = confirmedSteady / steadyS;
                var placedSteady = measured.Where(r => r.CreatedAt >= steadyFrom && r.CreatedAt <= loadTo).ToList();
                var placedSteadyConfirm = Stats.Sorted(placedSteady.Where(r => r.ConfirmedAt is not null)
                    .Select(r => (r.ConfirmedAt!.Value - r.CreatedAt).TotalMilliseconds));
                var finishSpan = finished.Count > 0 ? (finished.Max(r => r.LeftPendingAt!.Value) - measured.Min(r => r.CreatedAt)).TotalSeconds : double.NaN;
                postP99 = Stats.Percentile(post, 99);
                confirmP99 = Stats.Percentile(confirm, 99);

                var ordersInWindow = warmup.Accepted.Count() + accepted.Count;
                var commits = after.XactCommit - before.XactCommit - (ownAfter - ownBefore);
                commitsPerOrder = ordersInWindow > 0 ? (double)commits / ordersInWindow : double.NaN;
                var netCommits = commits - idleCommitsPerS * windowS;

                Console.WriteLine();
                Console.WriteLine($"== bench results ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, {o.LoadDescription})");
                Console.WriteLine($"accepted:  {accepted.Count} of {result.Attempted} POSTs got 202 in {Stats.F(result.ElapsedS, "0.00")} s = {Stats.F(acceptedPerS)} orders/s"
                    + NonAccepted(result));
                Console.WriteLine($"completed: {confirmed.Count} Confirmed, {measured.Count(r => r.Status == "Rejected")} Rejected; first placed -> last Confirmed {Stats.F(confirmSpan, "0.00")} s"
                    + $" = {Stats.F(completedPerS)} orders/s confirmed ({Stats.F(finished.Count / finishSpan)} orders/s left Pending)");
                Console.WriteLine($"           while the load ran: {confirmedDuringLoad} Confirmed = {Stats.F(duringLoadPerS)} orders/s; {pendingAtLoadEnd} orders were still Pending when it ended");
                Console.WriteLine($"sustained: {confirmedSteady} Confirmed in the steady {Stats.F(steadyS, "0.0")} s of the load (its first {Stats.F((steadyFrom - loadFrom).TotalSeconds, "0.0")} s left out)"
                    + $" = {Stats.F(sustainedPerS)} orders/s" + (o.Ceiling is { } tps ? $" = {Stats.F(sustainedPerS / tps, "0.000")} of the PostgreSQL ceiling ({Stats.F(tps)} saga_step_tps)" : ""));
                Console.WriteLine($"           orders placed in that window ({placedSteady.Count}), placed -> Confirmed: {Stats.Summary(placedSteadyConfirm)}");
                Console.WriteLine($"POST /api/v1/orders latency: {Stats.Summary(post)}");
                Console.WriteLine($"placed -> Confirmed latency: {Stats.Summary(confirm)}");
                Console.WriteLine($"placed -> left Pending:      {Stats.Summary(leave)}");
                var staged = confirmed.Where(r => r.PaymentStepAt is not null && r.ShipmentStepAt is not null).ToList();
                Console.WriteLine("   by saga step (from ordering.history):");
                Console.WriteLine($"   placed -> stock reserved (payment step starts): {Stats.Summary(Stats.Sorted(staged.Select(r => (r.PaymentStepAt!.Value - r.CreatedAt).TotalMilliseconds)))}");
                Console.WriteLine($"   -> payment authorized (shipment step starts):  {Stats.Summary(Stats.Sorted(staged.Select(r => (r.ShipmentStepAt!.Value - r.PaymentStepAt!.Value).TotalMilliseconds)))}");
                Console.WriteLine($"   -> shipment created, order Confirmed:         {Stats.Summary(Stats.Sorted(staged.Select(r => (r.ConfirmedAt!.Value - r.ShipmentStepAt!.Value).TotalMilliseconds)))}");
                foreach (var group in confirmed.GroupBy(r => r.Token).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    Console.WriteLine($"   {group.Key,-16} placed -> Confirmed: {Stats.Summary(Stats.Sorted(group.Select(r => (r.ConfirmedAt!.Value - r.CreatedAt).TotalMilliseconds)))}");
                }

                Console.WriteLine($"database:  xact_commit +{after.XactCommit - before.XactCommit} (benchmark's own statements {ownAfter - ownBefore} removed) for {ordersInWindow} orders"
                    + $" (warm-up {warmup.Accepted.Count()} + measured {accepted.Count}) = {Stats.F(commitsPerOrder, "0.00")} commits/order;"
                    + $" idle dispatcher polling {Stats.F(idleCommitsPerS)} commits/s x {Stats.F(windowS, "0")} s window -> {Stats.F(netCommits / ordersInWindow, "0.00")} commits/order without it");
                Console.WriteLine($"           xact_rollback +{after.XactRollback - before.XactRollback}; write transactions (xids) +{after.Xid - before.Xid}"
                    + $" = {Stats.F((double)(after.Xid - before.Xid) / ordersInWindow, "0.00")}/order; WAL {Stats.F((after.WalLsn - before.WalLsn) / 1024.0 / ordersInWindow, "0.0")} KiB/order");
                Console.WriteLine("           rows per order (inserted/updated/deleted): " + string.Join(", ", after.Tables
                    .Select(t => (t.Key, d: before.Tables.TryGetValue(t.Key, out var b)
                        ? new TableCounters(t.Value.Inserted - b.Inserted, t.Value.Updated - b.Updated, t.Value.Deleted - b.Deleted)
                        : t.Value))
                    .Where(t => t.d.Inserted + t.d.Updated + t.d.Deleted > 0)
                    .OrderBy(t => t.Key, StringComparer.Ordinal)
                    .Select(t => $"{t.Key} {PerOrder(t.d.Inserted, ordersInWindow)}/{PerOrder(t.d.Updated, ordersInWindow)}/{PerOrder(t.d.Deleted, ordersInWindow)}")));
                Console.WriteLine($"host:      peak RSS (VmHWM) {Runner.Mb(peakRssKb)} MB");
                var n = Math.Max(1, accepted.Count);
                var cpuPerOrder = (hostCpu + pgCpu + selfCpu) * 1000 / n;
                Console.WriteLine($"CPU:       per measured order host {Stats.F(hostCpu * 1000 / n, "0.00")} ms, PostgreSQL {Stats.F(pgCpu * 1000 / n, "0.00")} ms,"
                    + $" benchmark client {Stats.F(selfCpu * 1000 / n, "0.00")} ms (host {Stats.F(hostCpu)} s, PostgreSQL {Stats.F(pgCpu)} s, client {Stats.F(selfCpu)} s of CPU"
                    + $" in {Stats.F(cpuWindowS, "0")} s; idle: host {Stats.F(idleHostCpuPerS * 1000, "0")} ms/s, PostgreSQL {Stats.F(idlePgCpuPerS * 1000, "0")} ms/s)");
                Console.WriteLine($"           CPU-bound ceiling on {Environment.ProcessorCount} idle cores ~ {Stats.F(Environment.ProcessorCount * 1000 / cpuPerOrder, "0")} orders/s"
                    + " (an estimate: ignores fsync waits and lock contention; the host's CPU includes tiered-JIT work still going on)");
                Console.WriteLine($"machine:   load average {File.ReadAllText("/proc/loadavg").Trim()} at the end (other processes share these cores)");
                run.SummarizeHostLogs(checks);
                Console.WriteLine();

                checks.Add("load produced accepted orders", accepted.Count > 0, $"{accepted.Count} accepted");
                checks.Add("every order left Pending within the drain timeout", drained is not null,
                    drained is null ? $"timed out after {o.DrainTimeout} s" : $"{Stats.F(drained.Value)} s after the load");
                await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Concat(accepted).Select(s => s.OrderId!.Value).ToList(), baseSeq, run.InitialStock);
            }
            catch (Exception ex)
            {
                Console.WriteLine($"bench: ERROR: {ex}");
                checks.Add("benchmark ran to the end", false, ex.Message);
            }
        }

        var ratio = o.Ceiling is { } ceiling ? $" ceiling_ratio={Stats.F(sustainedPerS / ceiling, "0.000")}" : "";
        Console.WriteLine($"sustained_confirmed_per_s={Stats.F(sustainedPerS)} completed_orders_per_s={Stats.F(completedPerS)} post_p99_ms={Stats.F(postP99)} confirm_p99_ms={Stats.F(confirmP99)}"
            + $" commits_per_order={Stats.F(commitsPerOrder, "0.00")} peak_rss_mb={Runner.Mb(peakRssKb)}{ratio} invariants={(checks.AllOk ? "ok" : "FAILED")}");
        return checks.AllOk ? 0 : 1;
    }

    private static string PerOrder(long value, long orders) =>
        (orders == 0 ? 0 : (double)value / orders).ToString("0.##", CultureInfo.InvariantCulture);

    public static string NonAccepted(LoadResult result)
    {
        var other = result.Samples.Where(s => s.Status != 202 || s.OrderId is null).ToList();
        if (other.Count == 0)
        {
            return "";
        }

        return "; not accepted: " + string.Join(", ", other
            .GroupBy(s => s.Error is not null ? (s.Error.StartsWith("connection", StringComparison.Ordinal) ? "connection error" : s.Error) : s.Status.ToString(CultureInfo.InvariantCulture))
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} x{g.Count()}"));
    }
}
