namespace OrderManagement.BuildingBlocks.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    public sealed class StateConfiguration
    {
        private readonly List<TriggerBehaviour<TState, TTrigger>> _behaviours = [];
        private readonly List<Action<Transition<TState, TTrigger>>> _entryActions = [];

        internal StateConfiguration(TState state) => State = state;

        internal TState State { get; }

        internal IReadOnlyList<TriggerBehaviour<TState, TTrigger>> Behaviours => _behaviours;

        public StateConfiguration Permit(TTrigger trigger, TState destination)
        {
            EnsureNotConfigured(trigger);
            _behaviours.Add(new(trigger, destination, Guard: null, GuardDescription: null));
            return this;
        }

        public StateConfiguration PermitIf(TTrigger trigger, TState destination, Func<bool> guard, string guardDescription)
        {
            ArgumentNullException.ThrowIfNull(guard);
            ArgumentException.ThrowIfNullOrWhiteSpace(guardDescription);

            // Several guarded permits may share a trigger; Fire insists that exactly one guard passes.
            if (BehavioursFor(trigger).Any(b => !b.IsGuarded))
            {
                throw AlreadyConfigured(trigger);
            }

            _behaviours.Add(new(trigger, destination, guard, guardDescription));
            return this;
        }

        public StateConfiguration PermitReentry(TTrigger trigger) => Permit(trigger, State);

        public StateConfiguration Ignore(TTrigger trigger)
        {
            EnsureNotConfigured(trigger);
            _behaviours.Add(new(trigger, Destination: null, Guard: null, GuardDescription: null));
            return this;
        }

        public StateConfiguration OnEntry(Action<Transition<TState, TTrigger>> action)
        {
            ArgumentNullException.ThrowIfNull(action);
            _entryActions.Add(action);
            return this;
        }

        internal void RunEntryActions(Transition<TState, TTrigger> transition)
        {
            foreach (var action in _entryActions)
            {
                action(transition);
            }
        }

        private IEnumerable<TriggerBehaviour<TState, TTrigger>> BehavioursFor(TTrigger trigger) =>
            _behaviours.Where(b => EqualityComparer<TTrigger>.Default.Equals(b.Trigger, trigger));

        private void EnsureNotConfigured(TTrigger trigger)
        {
            if (BehavioursFor(trigger).Any())
            {
                throw AlreadyConfigured(trigger);
            }
        }

        private InvalidOperationException AlreadyConfigured(TTrigger trigger) =>
            new($"Trigger '{trigger}' is already configured for state '{State}' of {MachineName}.");
    }
}
