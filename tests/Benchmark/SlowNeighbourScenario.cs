using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderManagement.Benchmark;

// slow-neighbour (issue 17, fault 1): a tok_visa order placed right after 50 tok_timeout orders (a provider that never
// answers) confirms as fast as on a quiet system, because provider calls wait outside the delivery path
// (docs/adr/0013) with their own bound. Each round sends the 50 at once, then the one; the figure is the time from its
// first POST (a 503 is sent again after Retry-After, as a storefront would) to the first GET that shows it Confirmed,
// polling every 5 ms.
internal static class SlowNeighbourScenario
{
    private const int Neighbours = 50;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static int _refused;

    public static async Task RunAsync(Runner run, Checks checks)
    {
        var o = run.Options;
        var rounds = o.Quick ? 3 : 10;
        run.Log($"slow-neighbour: {rounds} rounds of {Neighbours} tok_timeout orders at once, then one tok_visa order; seed {o.Seed}");
        await run.StartHostsAsync(1);
        var host = run.Hosts[0];
        var baseSeq = await run.Database.MaxSeqAsync();
        await run.SeedAsync(0);
        var warmup = await run.WarmupAsync();

        var rng = new Random(o.Seed);
        var accepted = new List<Guid>();
        var quiet = await ConfirmSecondsAsync(run, host, rng, accepted);
        run.Log($"quiet system: a tok_visa order Confirmed {Ms(quiet)} after its POST");

        var figures = new List<double?>();
        for (var round = 1; round <= rounds; round++)
        {
            var neighbours = await Task.WhenAll(Enumerable.Range(0, Neighbours).Select(_ => PlaceAsync(run, host, rng, "tok_timeout")));
            accepted.AddRange(neighbours.OfType<Guid>());
            var seconds = await ConfirmSecondsAsync(run, host, rng, accepted);
            figures.Add(seconds);
            run.Log($"round {round}: {neighbours.Count(n => n is not null)} of {Neighbours} tok_timeout accepted; the tok_visa order Confirmed {Ms(seconds)} after its first POST");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var confirmed = Stats.Sorted(figures.OfType<double>().Select(s => s * 1000));
        Console.WriteLine($"figures: quiet_ms={Stats.F((quiet ?? double.NaN) * 1000)} after_{Neighbours}_timeouts_ms: {Stats.Summary(confirmed)} rounds={rounds} confirmed={confirmed.Length} refused_503={_refused}");
        checks.Add($"every tok_visa order placed right after {Neighbours} tok_timeout orders was Confirmed", confirmed.Length == rounds,
            $"{confirmed.Length} of {rounds}");
        var median = confirmed.Length > 0 ? Stats.Percentile(confirmed, 50) : double.PositiveInfinity;
        checks.Add("its median time from POST to Confirmed is under 250 ms (issue 17)", median < 250, $"median {Stats.F(median)} ms, max {Stats.F(confirmed.LastOrDefault())} ms");

        var drained = await run.DrainAsync();
        checks.Add("every order left Pending within the drain timeout", drained is not null);
        run.SummarizeHostLogs(checks);
        await Invariants.CheckAsync(run.Database, checks, warmup.Accepted.Select(s => s.OrderId!.Value).Concat(accepted).ToList(), baseSeq, run.InitialStock);
    }

    private static string Ms(double? seconds) => seconds is { } s ? $"{Stats.F(s * 1000)} ms" : "NOT (refused, or not Confirmed within 30 s)";

    private static async Task<double?> ConfirmSecondsAsync(Runner run, HostProcess host, Random rng, List<Guid> accepted)
    {
        var start = run.Clock.Elapsed.TotalSeconds;
        if (await PlaceAsync(run, host, rng, "tok_visa") is not { } id)
        {
            return null;
        }

        accepted.Add(id);
        while (run.Clock.Elapsed.TotalSeconds - start < 30)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(host.BaseUri, $"api/v1/orders/{id}"));
            get.Headers.Add("X-Api-Key", "dev-storefront-key");
            using var response = await run.Http.SendAsync(get);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            if (body.RootElement.GetProperty("status").GetString() == "Confirmed")
            {
                return run.Clock.Elapsed.TotalSeconds - start;
            }

            await Task.Delay(5);
        }

        return null;
    }

    // A storefront's POST: a 503 (admission closed while the pipeline is behind) is sent again with the same
    // Idempotency-Key after its Retry-After (at most 1 s), for up to 30 s.
    private static async Task<Guid?> PlaceAsync(Runner run, HostProcess host, Random rng, string token)
    {
        byte[] bytes;
        lock (rng)
        {
            bytes = run.Factory.Body(rng, token);
        }

        var key = Guid.NewGuid().ToString("N");
        var start = run.Clock.Elapsed.TotalSeconds;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseUri, "api/v1/orders"))
            {
                Content = new ByteArrayContent(bytes) { Headers = { ContentType = Json } },
            };
            request.Headers.Add("X-Api-Key", "dev-storefront-key");
            request.Headers.Add("Idempotency-Key", key);
            using var response = await run.Http.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                return body.RootElement.GetProperty("orderId").GetGuid();
            }

            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || run.Clock.Elapsed.TotalSeconds - start > 30)
            {
                return null;
            }

            Interlocked.Increment(ref _refused);
            var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            await Task.Delay(retryAfter < TimeSpan.FromSeconds(1) ? retryAfter : TimeSpan.FromSeconds(1));
        }
    }
}
