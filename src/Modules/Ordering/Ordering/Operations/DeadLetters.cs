using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OrderManagement.BuildingBlocks.Application;
using OrderManagement.BuildingBlocks.Domain;
using OrderManagement.BuildingBlocks.History;
using OrderManagement.BuildingBlocks.Messaging;
using OrderManagement.BuildingBlocks.Persistence;
using OrderManagement.BuildingBlocks.Web;
using OrderManagement.Ordering.Fulfilment;
using OrderManagement.Ordering.OrderHistory;
using OrderManagement.Ordering.Persistence;

namespace OrderManagement.Ordering.Operations;

// OrderId is the order the message concerns, when it concerns one. MootBecause is set when the letter needs no decision
// any more, saying why (its order got past what it would have led to); the console lists such letters apart.
internal sealed record DeadLetterView(
    Guid Id, ModuleName Module, string MessageType, int Attempts, string? LastError, DateTimeOffset FailedAt, Guid? OrderId, string? MootBecause)
{
    public static DeadLetterView From(DeadLetter letter) =>
        new(letter.Id, Enum.Parse<ModuleName>(letter.Module), letter.MessageType, letter.Attempts, letter.LastError, letter.FailedAt,
            MessagePayloads.OrderIdOf(letter.Payload), letter.MootBecause);
}

internal sealed record DeadLetterPage(IReadOnlyList<DeadLetterView> Items, string? NextCursor);

internal sealed record ListDeadLettersQuery(int? Limit, string? Cursor) : IQuery<DeadLetterPage>;

internal sealed class ListDeadLettersValidator : AbstractValidator<ListDeadLettersQuery>
{
    public ListDeadLettersValidator(CursorCodec cursors)
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).WithMessage("limit must be between 1 and 100.");
        RuleFor(q => q.Cursor)
            .Must(c => c is null || cursors.TryDecodeTimeAndId(c, out _))
            .WithMessage("cursor was not issued by this API; pass the nextCursor of a previous page.");
    }
}

internal sealed class ListDeadLettersHandler(DeadLetterStore store, CursorCodec cursors) : IRequestHandler<ListDeadLettersQuery, DeadLetterPage>
{
    public async Task<DeadLetterPage> Handle(ListDeadLettersQuery query, CancellationToken cancellationToken)
    {
        var limit = query.Limit ?? 20;
        (DateTimeOffset, Guid)? after = query.Cursor is not null && cursors.TryDecodeTimeAndId(query.Cursor, out var position) ? position : null;
        var letters = await store.ListAsync(limit + 1, after?.Item1, after?.Item2, cancellationToken);
        var next = letters.Count > limit
            ? cursors.EncodeTimeAndId(letters[limit - 1].FailedAt, letters[limit - 1].Id)
            : null;
        return new DeadLetterPage(letters.Take(limit).Select(DeadLetterView.From).ToList(), next);
    }
}

internal sealed record ReplayDeadLetterCommand(Guid Id, string Actor, string Reason) : ICommand<DeadLetterView>, IOperatorCommand<DeadLetterView>
{
    public OperatorActionRecord Describe(DeadLetterView result) =>
        new(DeadLetterReplays.AuditAction, result.OrderId, DeadLetterReplays.AuditDetail(result));
}

// Replays the message and, when it concerns an order, notes the operator's action in that order's history, in one
// transaction: the message is back in line only once the note is written, so the order's timeline lists the replay
// before what the replayed message causes (issue 11, defect I: they were in the opposite order when both fell in one
// second). A letter replayed before is refused (409) saying by whom and when, not as unknown; a moot one is refused too.
internal sealed class ReplayDeadLetterHandler(
    DeadLetterStore store, OrderingDbContext db, HistoryLog<OrderingDbContext> history, DeadLetterReplays replays,
    AfterCommit<OrderingDbContext> afterCommit)
    : IRequestHandler<ReplayDeadLetterCommand, DeadLetterView>
{
    public async Task<DeadLetterView> Handle(ReplayDeadLetterCommand command, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(command.Id, cancellationToken) is { } letter && await replays.MootRefusalAsync(letter, cancellationToken) is { } moot)
        {
            throw moot;
        }

        var replayed = await store.ReplayAsync((NpgsqlConnection)db.Database.GetDbConnection(), command.Id, cancellationToken)
            ?? throw await replays.NotReplayableAsync(command.Id, cancellationToken);
        await DeadLetterReplays.RecordAsync(db, history, replayed.Letter, command.Actor, command.Reason, cancellationToken);
        afterCommit.Add(replayed.WakeDelivery);
        return DeadLetterView.From(replayed.Letter);
    }
}
