using System.Text.Json.Serialization;
using OrderManagement.Ordering.Fulfilment;

namespace OrderManagement.Ordering.Operations;

// The step a saga is at, as operators and the REST contract see it (ops/sagas `currentStep`): SagaStep without None,
// which the view shows as null, so the OpenAPI enum lists only steps. Same names and values as SagaStep (SagaViewTests).
[JsonConverter(typeof(JsonStringEnumConverter<SagaCurrentStep>))]
internal enum SagaCurrentStep
{
    ReserveStock = (int)SagaStep.ReserveStock,
    ReviewOrder = (int)SagaStep.ReviewOrder,
    AuthorizePayment = (int)SagaStep.AuthorizePayment,
    CreateShipment = (int)SagaStep.CreateShipment,
    CancelShipment = (int)SagaStep.CancelShipment,
    VoidPayment = (int)SagaStep.VoidPayment,
    ReleaseStock = (int)SagaStep.ReleaseStock,
}
