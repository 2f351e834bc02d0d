using OrderManagement.BuildingBlocks.Domain;

namespace OrderManagement.BuildingBlocks.Tests.Domain;

// Which problem a machine's refusal becomes: the first row for an unmet guard, in table order, else the trigger's row,
// else invalid-transition. Stateless reports no unmet guards as null when the state does not handle the trigger at all
// (a saga's Retry in Completed once failed with a NullReferenceException instead of its 409).
public sealed class TransitionRefusalsTests
{
    private static readonly TransitionRefusals<string, Light, Press> Refusals = new TransitionRefusals<string, Light, Press>("Light")
        .OnGuard(Press.On, "the fuse holds", "fuse-blown", (lamp, state) => $"{lamp} is {state}: fuse")
        .OnGuard(Press.On, "no one sleeps", "sleeping", (lamp, _) => $"{lamp}: sleeping")
        .On(Press.On, "lamp-not-off", (lamp, state) => $"{lamp} is {state}");

    public enum Light
    {
        Off,
        Lit,
    }

    public enum Press
    {
        On,
        Dim,
    }

    [Fact]
    public void Given_two_unmet_guards_with_rows_When_refused_Then_the_first_row_in_table_order_answers()
    {
        var refused = Refusals.Refuse("lamp 1", Light.Off, Press.On, ["no one sleeps", "the fuse holds"]);

        (refused.Code, refused.Message, refused.State, refused.Trigger).ShouldBe(("fuse-blown", "lamp 1 is Off: fuse", "Off", "On"));
        refused.UnmetGuards.ShouldBe(["no one sleeps", "the fuse holds"]);
    }

    [Fact]
    public void Given_an_unmet_guard_without_a_row_When_refused_Then_the_trigger_s_row_answers()
    {
        var refused = Refusals.Refuse("lamp 1", Light.Off, Press.On, ["someone else's guard"]);

        (refused.Code, refused.Message).ShouldBe(("lamp-not-off", "lamp 1 is Off"));
    }

    [Fact]
    public void Given_a_state_that_does_not_handle_the_trigger_When_refused_with_null_guards_Then_the_trigger_s_row_answers()
    {
        var refused = Refusals.Refuse("lamp 1", Light.Lit, Press.On, null);

        (refused.Code, refused.Message, refused.UnmetGuards.Count).ShouldBe(("lamp-not-off", "lamp 1 is Lit", 0));
    }

    [Fact]
    public void Given_a_trigger_without_rows_When_refused_Then_it_is_invalid_transition_naming_machine_state_trigger_and_guards()
    {
        var refused = Refusals.Refuse("lamp 1", Light.Off, Press.Dim, ["the dimmer is fitted"]);

        (refused.Code, refused.Message).ShouldBe(("invalid-transition",
            "Cannot fire trigger 'Dim' in state 'Off' of Light. Guards not met: the dimmer is fitted."));
        Refusals.Refuse("lamp 1", Light.Lit, Press.Dim, null).Message.ShouldBe("Cannot fire trigger 'Dim' in state 'Lit' of Light.");
    }
}
