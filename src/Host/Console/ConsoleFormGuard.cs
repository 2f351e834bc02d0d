namespace OrderManagement.Host.Console;

// A console form whose fields hold control characters (a NUL, an escape) is refused on the console's refusal page,
// naming each field, before anything reads it: before, a NUL made the antiforgery check fail and the operator read that
// the page had been left open too long. Line breaks and tabs are what a text area sends, so they pass.
internal sealed class ConsoleFormGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType || !ConsoleRefusalPage.IsConsole(context.Request.Path))
        {
            await next(context);
            return;
        }

        // ASP.NET Core's form reader refuses such a form as a whole ("The form value contains invalid characters"), without
        // saying which field: the body is read here first, as the form reader would decode it, to name them.
        var fields = await FieldsWithControlCharactersAsync(context.Request);
        if (fields.Count > 0)
        {
            await Refuse(context, "This form holds control characters (such as a NUL), which no field takes. Remove them and send it again.",
                [.. fields.Select(name => $"{FormLabels.Of(name)} must not contain control characters.")]);
            return;
        }

        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException or BadHttpRequestException)
        {
            await Refuse(context, "This form could not be read: " + unreadable.Message, []);
            return;
        }

        await next(context);
    }

    private static async Task<List<string>> FieldsWithControlCharactersAsync(HttpRequest request)
    {
        if (!request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return [.. body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: Decode(pair[0]), Value: pair.Length > 1 ? Decode(pair[1]) : ""))
            .Where(field => field.Name.Any(IsRefused) || field.Value.Any(IsRefused))
            .Select(field => Printable(field.Name))
            .Distinct(StringComparer.Ordinal)];
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static bool IsRefused(char c) => char.IsControl(c) && c is not ('\r' or '\n' or '\t');

    private static string Printable(string name) => new([.. name.Select(c => char.IsControl(c) ? '?' : c)]);

    private static Task Refuse(HttpContext context, string message, IReadOnlyList<string> fields) =>
        context.Response.WriteRefusalAsync(ConsoleRefusalPage.Result(context, StatusCodes.Status400BadRequest, message, fields));
}

internal static class RefusalResponses
{
    public static Task WriteRefusalAsync(this HttpResponse response, Microsoft.AspNetCore.Mvc.ContentResult result)
    {
        response.StatusCode = result.StatusCode ?? StatusCodes.Status400BadRequest;
        response.ContentType = result.ContentType;
        return response.WriteAsync(result.Content ?? "", response.HttpContext.RequestAborted);
    }
}
