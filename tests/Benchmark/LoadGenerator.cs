using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OrderManagement.Benchmark;

// One POST /api/v1/orders as the client saw it. Times are seconds since the load generator's clock started.
internal sealed record Sample(
    Guid? OrderId,
    int Status,
    bool ProblemJson,
    string? Error,
    double StartS,
    double EndS,
    double LatencyMs,
    string Token,
    int Host,
    DateTimeOffset SentUtc,
    bool RetryAfter = false,
    double? RetryAfterSeconds = null);

internal sealed class LoadResult(List<Sample> samples, double startedS, double finishedS, int attempted)
{
    public List<Sample> Samples { get; } = samples;
    public double StartedS { get; } = startedS;
    public double FinishedS { get; } = finishedS;
    public int Attempted { get; } = attempted;
    public double ElapsedS => FinishedS - StartedS;
    public IEnumerable<Sample> Accepted => Samples.Where(s => s.Status == 202 && s.OrderId is not null);
}

// Random but plausible storefront orders.
internal sealed class OrderFactory(Options options, IReadOnlyList<string> skus)
{
    private static readonly string[] Currencies = ["EUR", "USD", "GBP"];
    private static readonly string[] Countries = ["GB", "DE", "FR", "NL", "US"];
    private readonly double _totalWeight = options.Tokens.Sum(t => t.Weight);

    public string PickToken(Random rng)
    {
        var x = rng.NextDouble() * _totalWeight;
        foreach (var (token, weight) in options.Tokens)
        {
            x -= weight;
            if (x < 0)
            {
                return token;
            }
        }

        return options.Tokens[^1].Token;
    }

    public byte[] Body(Random rng, string token)
    {
        var buffer = new ArrayBufferWriter<byte>(640);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("customerId", $"bench-cust-{rng.Next(10_000)}");
            w.WriteString("currency", Currencies[rng.Next(Currencies.Length)]);
            w.WriteStartArray("lines");
            var count = Math.Min(rng.Next(1, options.MaxLines + 1), skus.Count);
            Span<int> chosen = stackalloc int[count];
            for (var i = 0; i < count; i++)
            {
                int candidate;
                do
                {
                    candidate = rng.Next(skus.Count);
                }
                while (chosen[..i].Contains(candidate));

                chosen[i] = candidate;
                w.WriteStartObject();
                w.WriteString("sku", skus[candidate]);
                w.WriteNumber("quantity", rng.Next(1, options.MaxQuantity + 1));
                w.WriteNumber("unitPrice", rng.Next(100, 20_000) / 100m);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("shippingAddress");
            w.WriteString("name", "Ada Lovelace");
            w.WriteString("line1", $"{rng.Next(1, 500)} Main St");
            w.WriteNull("line2");
            w.WriteString("city", "London");
            w.WriteString("postalCode", "N1 9GU");
            w.WriteString("country", Countries[rng.Next(Countries.Length)]);
            w.WriteEndObject();
            w.WriteStartObject("payment");
            w.WriteString("method", "card");
            w.WriteString("token", token);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

// Drives POST /api/v1/orders like a storefront, closed loop (N workers) or open loop (offered rate), to the hosts in
// turn or, with --via, all through one load balancer.
internal sealed class LoadGenerator(Options options, IReadOnlyList<HostProcess> hosts, HttpClient http, OrderFactory factory, Stopwatch clock,
    ConcurrentQueue<Sample>? live = null)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    // `stopIssuing` ends the load early: no new request is sent, the ones in flight are awaited (each bounded by
    // the request timeout).
    public async Task<LoadResult> RunAsync(int maxOrders, TimeSpan duration, int? concurrency = null, double? rate = null,
        CancellationToken stopIssuing = default)
    {
        maxOrders = Math.Min(maxOrders, Options.MaxOrdersBound);
        if (duration.TotalSeconds > Options.MaxDurationSeconds)
        {
            duration = TimeSpan.FromSeconds(Options.MaxDurationSeconds);
        }

        return rate is { } r
            ? await OpenLoopAsync(maxOrders, duration, r, stopIssuing)
            : await ClosedLoopAsync(maxOrders, duration, concurrency ?? options.Concurrency ?? 16, stopIssuing);
    }

    private async Task<LoadResult> ClosedLoopAsync(int maxOrders, TimeSpan duration, int workers, CancellationToken stopIssuing)
    {
        var samples = new ConcurrentQueue<Sample>();
        var issued = 0;
        var started = clock.Elapsed.TotalSeconds;
        var end = started + duration.TotalSeconds;

        async Task Worker(int w)
        {
            var rng = new Random(HashCode.Combine(options.Seed, w, started));
            var host = hosts[w % hosts.Count];
            while (!stopIssuing.IsCancellationRequested && clock.Elapsed.TotalSeconds < end)
            {
                if (Interlocked.Increment(ref issued) > maxOrders)
                {
                    break;
                }

                var token = factory.PickToken(rng);
                var body = factory.Body(rng, token);
                var sample = await SendAsync(host, body, token, clock.Elapsed.TotalSeconds);
                samples.Enqueue(sample);
                if (sample.Error is not null)
                {
                    // Host down (crash test): do not spin on refused connections.
                    await Task.Delay(50, CancellationToken.None);
                }
                else if (sample.Status == 503 && sample.RetryAfterSeconds is { } retryAfter)
                {
                    // As a storefront does: a 503 with Retry-After (overloaded, backlog) waits before the next order;
                    // at most a second, so the resilience runs keep their load dense during an outage.
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(retryAfter, 1)), CancellationToken.None);
                }
                else if (sample.Status != 202)
                {
                    await Task.Delay(5, CancellationToken.None);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w), CancellationToken.None)));
        var list = samples.ToList();
        return new LoadResult(list, started, list.Count > 0 ? list.Max(s => s.EndS) : started, Math.Min(issued, maxOrders));
    }

    private async Task<LoadResult> OpenLoopAsync(int maxOrders, TimeSpan duration, double rate, CancellationToken stopIssuing)
    {
        var samples = new ConcurrentQueue<Sample>();
        var rng = new Random(options.Seed);
        var started = clock.Elapsed.TotalSeconds;
        var pending = new List<Task>();
        // Bounds memory and sockets if the host stalls; a send that waits here still counts its latency
        // from its scheduled time, so the stall shows up in the percentiles (no coordinated omission).
        using var outstanding = new SemaphoreSlim(4096);
        var sent = 0;
        while (sent < maxOrders && !stopIssuing.IsCancellationRequested)
        {
            var due = started + sent / rate;
            if (due - started >= duration.TotalSeconds)
            {
                break;
            }

            var wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(wait, 0.05)), CancellationToken.None);
                continue;
            }

            await outstanding.WaitAsync(CancellationToken.None);
            var token = factory.PickToken(rng);
            var body = factory.Body(rng, token);
            var host = hosts[sent % hosts.Count];
            sent++;
            pending.Add(Task.Run(async () =>
            {
                try
                {
                    samples.Enqueue(await SendAsync(host, body, token, due));
                }
                finally
                {
                    outstanding.Release();
                }
            }, CancellationToken.None));
        }

        await Task.WhenAll(pending);
        var list = samples.ToList();
        return new LoadResult(list, started, list.Count > 0 ? list.Max(s => s.EndS) : started, sent);
    }

    private async Task<Sample> SendAsync(HostProcess host, byte[] body, string token, double startS)
    {
        var sentUtc = DateTimeOffset.UtcNow;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(options.RequestTimeout ?? 30));
        int status = 0;
        Guid? orderId = null;
        string? error = null;
        var problem = false;
        var retryAfter = false;
        double? retryAfterSeconds = null;
        int? servedBy = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Via ?? host.BaseUri, "api/v1/orders"))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
            };
            request.Headers.Add("X-Api-Key", "dev-storefront-key");
            if (options.IdempotencyKeys)
            {
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cts.Token);
            status = (int)response.StatusCode;
            problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            retryAfter = response.Headers.RetryAfter is not null;
            retryAfterSeconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
            servedBy = ServedBy(response);
            var bytes = await response.Content.ReadAsByteArrayAsync(cts.Token);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                orderId = ReadOrderId(bytes);
                if (orderId is null)
                {
                    error = "202 without an orderId";
                }
            }
        }
        catch (OperationCanceledException)
        {
            error = "timeout";
        }
        catch (HttpRequestException ex)
        {
            error = "connection: " + (ex.InnerException?.Message ?? ex.Message);
        }
        catch (IOException ex)
        {
            error = "connection: " + ex.Message;
        }

        var end = clock.Elapsed.TotalSeconds;
        var sample = new Sample(orderId, status, problem, error, startS, end, (end - startS) * 1000, token, options.Via is null ? host.Index : servedBy ?? -1, sentUtc, retryAfter, retryAfterSeconds);
        live?.Enqueue(sample);
        return sample;
    }

    // Behind the load balancer: build/lib/cluster.sh makes HAProxy name the server ("host1", ...) in X-Served-By.
    private static int? ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Served-By", out var values) && values.FirstOrDefault() is { Length: > 4 } name
            && name.StartsWith("host", StringComparison.Ordinal) && int.TryParse(name[4..], out var n)
            ? n - 1
            : null;

    private static Guid? ReadOrderId(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var depth = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
                case JsonTokenType.PropertyName when depth == 1 && reader.ValueTextEquals("orderId"u8):
                    reader.Read();
                    return reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var id) ? id : null;
            }
        }

        return null;
    }
}
