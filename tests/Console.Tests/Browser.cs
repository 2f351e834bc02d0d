using Microsoft.Playwright;

namespace OrderManagement.Console.Tests;

// Debian's Chromium driven by Playwright; the browser download Playwright would do cannot work here, so the executable
// is named explicitly (CHROMIUM_PATH, default /usr/bin/chromium, installed by build/test.sh).
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        File.Exists(executable).ShouldBeTrue($"{executable} is missing: build/test.sh installs it with apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleHost>, ICollectionFixture<Browser>
{
    public const string Name = "console";
}
