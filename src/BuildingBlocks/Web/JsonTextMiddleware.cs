using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace OrderManagement.BuildingBlocks.Web;

// The contract makes text that is not valid UTF-8 or holds a lone surrogate a 400 wherever it appears. The JSON
// binder only notices it in the fields it reads, so a bad value in a field it skips would slip through; this checks
// every string and property name of a JSON body first. Malformed JSON is left to the binder, which names the field.
internal sealed class JsonTextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true || !context.Request.HasJsonContentType())
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(context));
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        context.Request.Body.Position = 0;

        if (FindInvalidText(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)) is { } path)
        {
            await ProblemResponses.WriteAsync(context, 400, "malformed-json", "The request body is not valid JSON for this endpoint.",
                "Fix the field listed in 'errors' (text must be valid UTF-8 without lone surrogates) and send the request again.",
                new Dictionary<string, string[]> { [path] = ["The text is not valid UTF-8 or holds a lone surrogate."] });
            return;
        }

        await next(context);
    }

    private static string? FindInvalidText(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Find(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(() => element.GetString()) ? null : Path(path);
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name = "";
                    if (!IsText(() => name = property.Name))
                    {
                        return Path(path);
                    }

                    if (Find(property.Value, path.Length == 0 ? name : $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    // Reading a string transcodes it to UTF-16, which fails on invalid UTF-8 and on lone surrogate escapes.
    private static bool IsText(Action read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string Path(string path) => path.Length == 0 ? "$" : path;
}
