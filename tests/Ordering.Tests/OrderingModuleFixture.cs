using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderManagement.Inventory.Contracts;
using OrderManagement.Payments.Contracts;
using OrderManagement.Shipping.Contracts;
using OrderManagement.TestKit;

namespace OrderManagement.Ordering.Tests;

// Ordering alone on the real database. Inventory, Payments and Shipping are recorders of the commands Ordering
// sends them and fakes of their history queries; the clock is moved by hand, with short step deadlines.
public sealed class OrderingModuleFixture : IAsyncLifetime
{
    public const string Inventory = "Inventory";
    public const string Payments = "Payments";
    public const string Shipping = "Shipping";
    public static readonly TimeSpan StepDeadline = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan PaymentStepDeadline = TimeSpan.FromSeconds(20);

    // Shorter than the payment step's, so moving the clock past every deadline also ends a review nobody decided.
    public static readonly TimeSpan ReviewDeadline = TimeSpan.FromSeconds(15);

    // Shorter than StepDeadline, so a test can move the clock to a stalled reservation whose deadline has not passed.
    public static readonly TimeSpan ReserveStockNormalWait = TimeSpan.FromSeconds(5);
    public const int MaxStepAttempts = 2;

    public ModuleTestHost Host { get; private set; } = null!;

    // Whole seconds, so times survive PostgreSQL's microsecond precision unchanged.
    internal ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    internal FakeModuleHistories Histories { get; } = new();

    public async Task InitializeAsync() =>
        Host = await ModuleTestHost.StartAsync(
            (services, config) =>
            {
                // ModuleTestHost has already added the building blocks, and with them the system clock.
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
                services.AddOrderingModule(config);
                services.RecordMessages<ReserveStock>(Inventory);
                services.RecordMessages<ReleaseStock>(Inventory);
                services.RecordMessages<CommitStock>(Inventory);
                services.RecordMessages<AuthorizePayment>(Payments);
                services.RecordMessages<CapturePayment>(Payments);
                services.RecordMessages<VoidPayment>(Payments);
                services.RecordMessages<CreateShipment>(Shipping);
                services.RecordMessages<CancelShipment>(Shipping);
                services.AddSingleton(Histories);
                services.AddSingleton<IInventoryQueries>(Histories);
                services.AddSingleton<IPaymentQueries>(Histories);
                services.AddSingleton<IShippingQueries>(Histories);
            },
            new Dictionary<string, string?>
            {
                ["Fulfilment:StepDeadline"] = StepDeadline.ToString(),
                ["Fulfilment:PaymentStepDeadline"] = PaymentStepDeadline.ToString(),
                ["Fulfilment:ReviewDeadline"] = ReviewDeadline.ToString(),
                ["Stalls:ReserveStock"] = ReserveStockNormalWait.ToString(),
                ["Fulfilment:MaxStepAttempts"] = MaxStepAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // Deadlines fall due only when a test moves the clock; a short poll delivers them without a wait.
                ["Messaging:PollInterval"] = "00:00:00.020",
            });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
