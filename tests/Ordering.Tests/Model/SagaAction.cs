using FsCheck;
using FsCheck.Fluent;

namespace OrderManagement.Ordering.Tests.Model;

// One thing that can happen to an order while its saga runs. Pick chooses among the messages waiting at that moment.
public enum ActionKind
{
    ProcessCommand,
    DeliverReply,
    RepeatReply,
    DeadLetterCommand,
    DeadLetterReply,
    PassDeadline,
    Cancel,
    OperatorRetry,
    ProviderAnswers,
    Dispatch,
    Restock,
    ApproveReview,
    RejectReview,
}

public enum PaymentBehaviour
{
    Approve,
    Decline,
    RetryThenApprove,
    RetryThenFail,
}

public sealed record SagaAction(ActionKind Kind, int Pick)
{
    public override string ToString() => $"{Kind}({Pick})";
}

// Review: the order matches a review rule (ADR 0018), so it is held after its stock is reserved until an operator
// decides or the review deadline passes.
public sealed record Scenario(bool InStock, PaymentBehaviour Payment, IReadOnlyList<SagaAction> Actions, bool Review = false)
{
    public override string ToString() =>
        $"InStock={InStock}, Payment={Payment}, Review={Review}, Actions=[{string.Join(", ", Actions)}]";

    public static Arbitrary<Scenario> Arbitrary { get; } = Arb.From(Generator(), Shrink);

    // Replies and command processing dominate, so most runs go deep into the saga; faults are sprinkled in.
    private static Gen<Scenario> Generator()
    {
        var action =
            from kind in Gen.Frequency(
                (10, Gen.Constant(ActionKind.ProcessCommand)),
                (10, Gen.Constant(ActionKind.DeliverReply)),
                (2, Gen.Constant(ActionKind.RepeatReply)),
                (1, Gen.Constant(ActionKind.DeadLetterCommand)),
                (1, Gen.Constant(ActionKind.DeadLetterReply)),
                (2, Gen.Constant(ActionKind.PassDeadline)),
                (2, Gen.Constant(ActionKind.Cancel)),
                (1, Gen.Constant(ActionKind.OperatorRetry)),
                (2, Gen.Constant(ActionKind.ProviderAnswers)),
                (1, Gen.Constant(ActionKind.Dispatch)),
                (1, Gen.Constant(ActionKind.Restock)),
                (2, Gen.Constant(ActionKind.ApproveReview)),
                (1, Gen.Constant(ActionKind.RejectReview)))
            from pick in Gen.Choose(0, 3)
            select new SagaAction(kind, pick);
        return from inStock in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
               from payment in Gen.Elements(Enum.GetValues<PaymentBehaviour>())
               from length in Gen.Choose(4, 24)
               from actions in Gen.ListOf(action, length)
               from review in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
               select new Scenario(inStock, payment, actions.ToList(), review);
    }

    // A failing run shrinks by dropping actions one at a time, then by simplifying the world.
    private static IEnumerable<Scenario> Shrink(Scenario scenario)
    {
        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            yield return scenario with { Actions = scenario.Actions.Where((_, j) => j != i).ToList() };
        }

        if (scenario.Review)
        {
            yield return scenario with { Review = false };
        }

        if (!scenario.InStock)
        {
            yield return scenario with { InStock = true };
        }

        if (scenario.Payment != PaymentBehaviour.Approve)
        {
            yield return scenario with { Payment = PaymentBehaviour.Approve };
        }
    }
}
