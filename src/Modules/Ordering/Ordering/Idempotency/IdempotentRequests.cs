using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Orders;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Idempotency;

// Runs a request at most once per (API key, Idempotency-Key). The record is written in the same transaction
// as the request's own changes. Once it is stored every repeat replays it; only while the first request runs does
// a transaction-scoped advisory lock turn a concurrent repeat into a 409 instead of a second order.
internal sealed class IdempotentRequests(
    OrderingDbContext db, TimeProvider time, IdempotencyKeyLock keyLock,
    IOptions<JsonOptions> json, IOptions<IdempotencyOptions> options)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task<IResult> ExecuteAsync(HttpContext http, string operation, object request, Func<Task<StoredResponse>> work)
    {
        var key = http.Request.Headers[Header].ToString();
        if (!http.Request.Headers.ContainsKey(Header))
        {
            return ToResult(http, await work());
        }

        if (key.Length is 0 or > 255)
        {
            return Problem(http, 400, "invalid-idempotency-key", "The Idempotency-Key header is invalid.", "Send 1 to 255 characters.");
        }

        var apiKeyName = http.User.Identity?.Name ?? "anonymous";
        var fingerprint = Fingerprint(operation, request);
        var cancellationToken = http.RequestAborted;
        return await db.InTransactionAsync(async () =>
        {
            // A stored outcome answers whatever the lock says, so repeats of a finished request never wait for each other;
            // the lock only separates a first execution from its repeats while it runs.
            var now = time.GetUtcNow();
            var (locked, existing) = await keyLock.TakeAsync(apiKeyName, key, LockKey(apiKeyName, key), cancellationToken);
            if (existing is not null && existing.ExpiresAt > now)
            {
                return Answer(http, existing, fingerprint);
            }

            if (!locked)
            {
                return Problem(http, 409, "idempotency-key-in-use", "A request with this Idempotency-Key is still being processed.",
                    "Wait for the first request to finish, then repeat it to get its response.");
            }

            if (existing is not null)
            {
                await db.IdempotencyRecords.Where(r => r.ApiKeyName == apiKeyName && r.Key == key).ExecuteDeleteAsync(cancellationToken);
            }

            var response = await work();
            db.IdempotencyRecords.Add(new IdempotencyRecord
            {
                ApiKeyName = apiKeyName,
                Key = key,
                Fingerprint = fingerprint,
                StatusCode = response.StatusCode,
                Body = JsonSerializer.Serialize(response.Body, json.Value.SerializerOptions),
                Location = response.Location,
                CreatedAt = now,
                ExpiresAt = now + options.Value.KeyLifetime,
            });
            await db.SaveChangesAsync(cancellationToken);
            return ToResult(http, response);
        }, cancellationToken);
    }

    // A valid stored record answers the same request with its replay, any other request with 422.
    private static IResult Answer(HttpContext http, IdempotencyRecord existing, string fingerprint) =>
        existing.Fingerprint == fingerprint
            ? Replay(http, existing)
            : Problem(http, ProblemType.IdempotencyKeyReused.Status, ProblemType.IdempotencyKeyReused.Name, ProblemType.IdempotencyKeyReused.Title,
                "Use a new Idempotency-Key for a new request; repeat the original request unchanged to get its response.");

    private static long LockKey(string apiKeyName, string key) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(apiKeyName + "\n" + key)));

    private string Fingerprint(string operation, object request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request, request.GetType(), json.Value.SerializerOptions))));

    private static IResult ToResult(HttpContext http, StoredResponse response)
    {
        if (response.ETag is not null)
        {
            http.Response.Headers.ETag = response.ETag;
        }

        return response.StatusCode == StatusCodes.Status202Accepted
            ? Results.Accepted(response.Location, response.Body)
            : Results.Json(response.Body, statusCode: response.StatusCode);
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord record)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        if (record.Location is not null)
        {
            http.Response.Headers.Location = record.Location;
        }

        if (OrderView.ETagOfStoredBody(record.Body) is { } etag)
        {
            http.Response.Headers.ETag = etag;
        }

        return Results.Text(record.Body, "application/json", Encoding.UTF8, record.StatusCode);
    }

    private static IResult Problem(HttpContext http, int status, string type, string title, string detail) =>
        Results.Json(ProblemResponses.Create(http, status, type, title, detail), statusCode: status, contentType: "application/problem+json");
}
