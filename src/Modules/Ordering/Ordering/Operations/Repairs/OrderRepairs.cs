using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.Ordering.CancelOrder;
using OrderManagement.Ordering.Contracts;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.Review;

namespace OrderManagement.Ordering.Operations.Repairs;

// The console's repairs are the API's commands, sent through the same pipeline (validation, one transaction);
// each applied one is written to the operators' audit by the audit behaviour, as from the API.
internal sealed class OrderRepairs(IMediator mediator, RepairPreviewer previewer, IValidator<OperatorActionRequest> reasons, DeadLetterOwnership ownership)
    : IOrderRepairs
{
    public const string ReplayNamesTheLetter = "A replay names the dead letter: use the Replay button of the message, under the order's messages.";

    public Task<RepairPreview> PreviewAsync(Guid orderId, RepairKind kind, string operatorName, string reason, CancellationToken cancellationToken) =>
        previewer.PreviewAsync(orderId, kind, operatorName, reason, cancellationToken);

    public Task<RepairPreview> PreviewReplayAsync(IReadOnlyList<Guid> deadLetterIds, string operatorName, string reason, CancellationToken cancellationToken) =>
        previewer.PreviewReplayAsync(deadLetterIds, operatorName, reason, cancellationToken);

    public Task<string?> ForeignDeadLetterAsync(Guid orderId, Guid deadLetterId, CancellationToken cancellationToken) =>
        ownership.RefusalAsync(orderId, deadLetterId, cancellationToken);

    public async Task<RepairOutcome> ApplyAsync(Guid orderId, RepairKind kind, string operatorName, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new RepairOutcome(false, "A reason is required: say why, for whoever reads the order's history next.");
        }

        if (kind == RepairKind.ReplayDeadLetter)
        {
            return new RepairOutcome(false, ReplayNamesTheLetter);
        }

        return await RefusedAsRepairOutcome(async () =>
        {
            if (kind == RepairKind.RetryStep)
            {
                var request = new OperatorActionRequest(reason);
                await reasons.ValidateRequestAsync(request, cancellationToken);
                var saga = await mediator.Send(request.ToRetrySaga(orderId, operatorName), cancellationToken);
                return new RepairOutcome(true, $"The saga is {saga.Status} again: {saga.CurrentStep} was sent again (step attempt {saga.Attempts}).");
            }

            if (kind is RepairKind.ApproveReview or RepairKind.RejectReview)
            {
                var approve = kind == RepairKind.ApproveReview;
                _ = approve
                    ? await mediator.Send(new ApproveReviewCommand(orderId, reason, operatorName), cancellationToken)
                    : await mediator.Send(new RejectReviewCommand(orderId, reason, operatorName), cancellationToken);
                return new RepairOutcome(true, approve
                    ? "Approved in review: the payment is authorized next."
                    : "Rejected in review: the stock is released and the order is Rejected.");
            }

            var result = await mediator.Send(new CancelOrderCommand(orderId, reason, operatorName, ByOperator: true), cancellationToken);
            return result.AlreadyCancelled || result.AlreadyRequested
                ? new RepairOutcome(false, result.AlreadyCancelled
                    ? "The order was already cancelled; nothing changed."
                    : RepairPreviewer.CancellationUnderWay)
                : new RepairOutcome(true, "Cancellation requested: the saga gives back what the order holds, then the order is Cancelled.");
        });
    }

    public async Task<RepairOutcome> ReplayDeadLetterAsync(Guid deadLetterId, string operatorName, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new RepairOutcome(false, "A reason is required: say what was fixed before replaying.");
        }

        return await RefusedAsRepairOutcome(async () =>
        {
            var request = new OperatorActionRequest(reason);
            await reasons.ValidateRequestAsync(request, cancellationToken);
            var letter = await mediator.Send(request.ToReplayDeadLetter(deadLetterId, operatorName), cancellationToken);
            return new RepairOutcome(true, $"{letter.MessageType} to {letter.Module} is back in line with fresh attempts.");
        });
    }

    private static async Task<RepairOutcome> RefusedAsRepairOutcome(Func<Task<RepairOutcome>> repair)
    {
        try
        {
            return await repair();
        }
        catch (NotFoundException missing)
        {
            return new RepairOutcome(false, missing.Message);
        }
        catch (ConflictException refused) // also a state machine's InvalidTransitionException
        {
            return new RepairOutcome(false, refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RepairOutcome(false, "The order changed at the same moment; look at it again and repeat the repair if it is still needed.");
        }
        catch (RequestValidationException invalid)
        {
            return new RepairOutcome(false, string.Join(" ", invalid.Errors.SelectMany(e => e.Value)));
        }
    }
}
