using System.Text;

namespace OrderManagement.Host.Tests.Api.Support;

// One hand-made HTTP request, byte for byte, with the status the contract says it must get.
public sealed record RawRequest(string Name, HttpMethod Method, string Path, string? ApiKey, int ExpectedStatus)
{
    public byte[]? Body { get; init; }
    public string? ContentType { get; init; } = "application/json";
    public string? ErrorKey { get; init; }
    public string? IdempotencyKey { get; init; }
    public bool Chunked { get; init; }

    public RawRequest WithJson(string json) => this with { Body = Encoding.UTF8.GetBytes(json) };

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (ApiKey is not null)
        {
            message.Headers.Add("X-Api-Key", ApiKey);
        }

        if (IdempotencyKey is not null)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (Body is not null)
        {
            message.Content = Chunked ? new StreamContent(new NonSeekableStream(Body)) : new ByteArrayContent(Body);
            // Unvalidated, so that content types the client library would refuse (charset=) still go out as written.
            if (ContentType is not null && !message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType))
            {
                throw new ArgumentException($"content type '{ContentType}' cannot be sent");
            }
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : Body.Length > 120 ? $"{Body.Length} bytes" : Encoding.UTF8.GetString(Body);
        return $"[{Name}] {Method} {Path[..Math.Min(Path.Length, 120)]} ({ContentType}; {body}) expecting {ExpectedStatus}";
    }
}
