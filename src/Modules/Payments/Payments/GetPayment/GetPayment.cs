using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.Web.ApiKeys;
using OrderManagement.Payments.Persistence;

namespace OrderManagement.Payments.GetPayment;

// RefundedAmount: what refunds have given back so far (0 when none), in Currency.
internal sealed record PaymentView(Guid PaymentId, Guid OrderId, decimal Amount, string Currency, string Status, int Attempts, decimal RefundedAmount);

internal sealed record GetPaymentQuery(Guid PaymentId) : IQuery<PaymentView>;

internal sealed class GetPaymentHandler(PaymentsDbContext db) : IRequestHandler<GetPaymentQuery, PaymentView>
{
    public async Task<PaymentView> Handle(GetPaymentQuery query, CancellationToken cancellationToken) =>
        await db.Payments.AsNoTracking()
            .Where(p => p.Id == query.PaymentId)
            .Select(p => new PaymentView(p.Id, p.OrderId, p.Amount, p.Currency, p.Status.ToString(), p.Attempts, p.RefundedAmount))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Payment", query.PaymentId.ToString());
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
