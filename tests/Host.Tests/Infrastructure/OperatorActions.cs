using System.Text;
using System.Text.Json;

namespace OrderManagement.Host.Tests.Infrastructure;

// Operator actions carry a required reason. The body is sent with its length: the test server treats a body of
// unknown length (PostAsJsonAsync) as absent on endpoints whose body is optional, so the reason would never arrive.
public static class OperatorActions
{
    public static StringContent Reason(string? reason) =>
        new(JsonSerializer.Serialize(new { reason }), Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> RetrySagaAsync(this HttpClient operatorClient, Guid orderId, string? reason = "on-call check") =>
        operatorClient.PostAsync($"/api/v1/ops/sagas/{orderId}/retry", Reason(reason));

    public static Task<HttpResponseMessage> ReplayDeadLetterAsync(this HttpClient operatorClient, string? id, string? reason = "on-call check") =>
        operatorClient.PostAsync($"/api/v1/ops/dead-letters/{id}/replay", Reason(reason));
}
