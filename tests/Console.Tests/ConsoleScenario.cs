using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Npgsql;
using OrderManagement.TestKit;

namespace OrderManagement.Console.Tests;

// What every browser scenario needs: a signed-in page, orders placed through the API, the database to check against,
// and screenshots under .data/console-screenshots for people to look at.
public abstract class ConsoleScenario(ConsoleHost host, Browser browser) : IAsyncLifetime
{
    protected const string Sku = "BROWSER-SKU";
    private readonly List<IBrowserContext> _contexts = [];

    protected ConsoleHost Host { get; } = host;

    protected HttpClient Storefront { get; } = host.Api(ConsoleHost.StorefrontKey);

    protected HttpClient Operator { get; } = host.Api(ConsoleHost.OperatorKey);

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), ".data", "console-screenshots");

    public virtual async Task InitializeAsync()
    {
        var response = await Operator.PutAsJsonAsync($"/api/v1/inventory/{Sku}", new { onHand = 1000 });
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    protected async Task<IPage> SignedInPageAsync(int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/ops/sign-in");
        await page.FillAsync("#apiKey", ConsoleHost.OperatorKey);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/ops");
        return page;
    }

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    protected async Task<Guid> PlaceOrderAsync(string token)
    {
        var body = new
        {
            customerId = "browser-customer",
            currency = "EUR",
            lines = new[] { new { sku = Sku, quantity = 1, unitPrice = 12.5m } },
            shippingAddress = new { name = "Ada Lovelace", line1 = "1 Main St", line2 = (string?)null, city = "London", postalCode = "N1 9GU", country = "GB" },
            payment = new { method = "card", token },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await Storefront.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var order = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return Guid.Parse(order["orderId"]!.GetValue<string>());
    }

    protected async Task<JsonObject> WaitForSagaAsync(Guid orderId, string status) =>
        await Poller.UntilAsync(
            async () => (await Operator.GetFromJsonAsync<JsonObject>($"/api/v1/ops/sagas/{orderId}"))!,
            saga => saga["status"]!.GetValue<string>() == status,
            $"the saga of {orderId} is {status}", TimeSpan.FromSeconds(90));

    protected async Task<JsonObject> WaitForOrderAsync(Guid orderId, string status) =>
        await Poller.UntilAsync(
            async () => (await Storefront.GetFromJsonAsync<JsonObject>($"/api/v1/orders/{orderId}"))!,
            order => order["status"]!.GetValue<string>() == status,
            $"order {orderId} is {status}", TimeSpan.FromSeconds(90));

    protected async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderManagement.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
