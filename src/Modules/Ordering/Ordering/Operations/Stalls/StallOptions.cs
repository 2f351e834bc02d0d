using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Operations.Stalls;

// The longest normal wait for each saga step's reply; a saga waiting longer is stalled. Read through
// IOptionsMonitor, so a change in the settings store is taken up without a restart.
internal sealed class StallOptions
{
    public const string Section = "Stalls";

    // The steps that wait for a reply, one setting each.
    public static readonly SagaStep[] Steps =
        [SagaStep.ReserveStock, SagaStep.ReviewOrder, SagaStep.AuthorizePayment, SagaStep.CreateShipment, SagaStep.CancelShipment, SagaStep.VoidPayment, SagaStep.ReleaseStock];

    public TimeSpan ReserveStock { get; set; } = TimeSpan.FromSeconds(10);
    // A held order waits for a person: normally within the review deadline's default (Fulfilment:ReviewDeadline).
    public TimeSpan ReviewOrder { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan AuthorizePayment { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan CreateShipment { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan CancelShipment { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan VoidPayment { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan ReleaseStock { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan NormalWaitFor(SagaStep step) => step switch
    {
        SagaStep.ReserveStock => ReserveStock,
        SagaStep.ReviewOrder => ReviewOrder,
        SagaStep.AuthorizePayment => AuthorizePayment,
        SagaStep.CreateShipment => CreateShipment,
        SagaStep.CancelShipment => CancelShipment,
        SagaStep.VoidPayment => VoidPayment,
        SagaStep.ReleaseStock => ReleaseStock,
        _ => TimeSpan.MaxValue,
    };
}
