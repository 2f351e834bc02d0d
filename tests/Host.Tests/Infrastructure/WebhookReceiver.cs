using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace OrderManagement.Host.Tests.Infrastructure;

// A storefront's webhook endpoint: real Kestrel on 127.0.0.1, verifying every request's signature with the
// StandardWebhooks library as a receiver would. It can answer an error status, or be down (stopped: connections refused)
// and come back on the same port.
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;
    private int _port;

    public string? Secret { get; set; }

    // The status code answered while the receiver is up (200 accepts).
    public int AnswerStatus { get; set; } = 200;

    public string Url => $"http://127.0.0.1:{_port}/hooks";

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    // What a receiver keeps: the 2xx-answered requests, deduplicated by webhook-id as the specification asks.
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. _received.Where(r => r.Status is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.UpAsync();
        return receiver;
    }

    public async Task UpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://127.0.0.1:{_port}");
        var app = builder.Build();
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var verified = false;
            try
            {
                if (Secret is not null)
                {
                    new StandardWebhook(Secret).Verify(body, http.Request.Headers);
                    verified = true;
                }
            }
            catch (WebhookVerificationException)
            {
            }

            var status = verified ? AnswerStatus : 401;
            _received.Enqueue(new ReceivedWebhook(http.Request.Headers["webhook-id"].ToString(), http.Request.Headers["webhook-timestamp"].ToString(),
                JsonNode.Parse(body)!.AsObject(), verified, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        _port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    // Down: the port refuses connections until UpAsync.
    public async Task DownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(DownAsync());
}

public sealed record ReceivedWebhook(string WebhookId, string Timestamp, JsonObject Body, bool SignatureVerified, int Status)
{
    public string Type => Body["type"]!.GetValue<string>();

    public Guid OrderId => Guid.Parse(Body["data"]!["orderId"]!.GetValue<string>());
}
