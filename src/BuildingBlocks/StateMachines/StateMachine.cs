namespace OrderManagement.BuildingBlocks.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>(Func<TState> stateAccessor, Action<TState> stateMutator)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Dictionary<TState, StateConfiguration> _configurations = [];
    private readonly List<TState> _configurationOrder = [];
    private readonly List<Action<Transition<TState, TTrigger>>> _transitionedActions = [];

    private static string MachineName => typeof(TState).Name;

    public TState State => stateAccessor();

    public IReadOnlyList<TTrigger> PermittedTriggers =>
        CurrentConfiguration()?.Behaviours
            .Where(b => !b.IsIgnore && b.GuardPasses())
            .Select(b => b.Trigger)
            .Distinct()
            .ToList() ?? [];

    public StateConfiguration Configure(TState state)
    {
        if (!_configurations.TryGetValue(state, out var configuration))
        {
            configuration = new StateConfiguration(state);
            _configurations.Add(state, configuration);
            _configurationOrder.Add(state);
        }

        return configuration;
    }

    public void OnTransitioned(Action<Transition<TState, TTrigger>> action) => _transitionedActions.Add(action);

    public bool CanFire(TTrigger trigger)
    {
        var behaviours = BehavioursFor(trigger);
        return behaviours.Any(b => b.IsIgnore || b.GuardPasses());
    }

    public void Fire(TTrigger trigger)
    {
        var source = State;
        var behaviours = BehavioursFor(trigger);
        if (behaviours.Count == 0)
        {
            throw new InvalidTransitionException(MachineName, source.ToString(), trigger.ToString());
        }

        if (behaviours[0].IsIgnore)
        {
            return;
        }

        var passing = behaviours.Where(b => b.GuardPasses()).ToList();
        if (passing.Count == 0)
        {
            var failedGuards = behaviours.Select(b => b.GuardDescription ?? "guard").ToList();
            throw new InvalidTransitionException(MachineName, source.ToString(), trigger.ToString(), failedGuards);
        }

        // Two passing guards mean the transition table is ambiguous: a programming error, not a business rule.
        if (passing.Count > 1)
        {
            var guards = string.Join(", ", passing.Select(b => b.GuardDescription));
            throw new InvalidOperationException(
                $"Trigger '{trigger}' in state '{source}' of {MachineName} has more than one passing guard: {guards}.");
        }

        var transition = new Transition<TState, TTrigger>(source, passing[0].Destination!.Value, trigger);
        stateMutator(transition.Destination);
        if (_configurations.TryGetValue(transition.Destination, out var destination))
        {
            destination.RunEntryActions(transition);
        }

        foreach (var action in _transitionedActions)
        {
            action(transition);
        }
    }

    private StateConfiguration? CurrentConfiguration() => _configurations.GetValueOrDefault(State);

    private List<TriggerBehaviour<TState, TTrigger>> BehavioursFor(TTrigger trigger) =>
        CurrentConfiguration()?.Behaviours.Where(b => EqualityComparer<TTrigger>.Default.Equals(b.Trigger, trigger)).ToList()
        ?? [];
}
