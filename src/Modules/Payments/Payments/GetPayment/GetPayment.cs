using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Payments.Contracts;
using OrderManagement.Payments.Payments;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.GetPayment;

// RefundedAmount: what refunds have given back so far (0 when none); Amount (authorized) and CapturedAmount, all in
// Currency; Captures: one per shipment dispatched (docs/adr/0019), oldest first.
internal sealed record PaymentView(Guid PaymentId, Guid OrderId, decimal Amount, string Currency, PaymentStatus Status, int Attempts, decimal RefundedAmount,
    decimal CapturedAmount, IReadOnlyList<CaptureView> Captures);

// ShipmentId null: a capture of the rest of the amount that named no shipment. Status: Due or Captured.
internal sealed record CaptureView(Guid CaptureId, Guid? ShipmentId, decimal Amount, CaptureStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? CapturedAt);

internal sealed record GetPaymentQuery(Guid PaymentId) : IQuery<PaymentView>;

internal sealed class GetPaymentHandler(PaymentsDbContext db) : IRequestHandler<GetPaymentQuery, PaymentView>
{
    public async Task<PaymentView> Handle(GetPaymentQuery query, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.PaymentId, cancellationToken)
            ?? throw new NotFoundException("Payment", query.PaymentId.ToString());
        var captures = await db.Captures.AsNoTracking()
            .Where(c => c.PaymentId == payment.Id)
            .OrderBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .Select(c => new CaptureView(c.Id, c.ShipmentId, c.Amount, c.Status, c.RequestedAt, c.CapturedAt))
            .ToListAsync(cancellationToken);
        return new PaymentView(payment.Id, payment.OrderId, payment.Amount, payment.Currency, payment.Status, payment.Attempts,
            payment.RefundedAmount, payment.CapturedAmount, captures);
    }
}

internal static class GetPaymentEndpoint
{
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/v1/payments/{paymentId:guid}", async (Guid paymentId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new GetPaymentQuery(paymentId), ct)))
            .RequireRoles(Roles.Operator)
            .WithTags("Payments")
            .WithName("GetPayment")
            .Produces<PaymentView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
