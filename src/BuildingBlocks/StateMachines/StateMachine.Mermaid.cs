using System.Text;

namespace OrderManagement.BuildingBlocks.StateMachines;

public sealed partial class StateMachine<TState, TTrigger>
{
    // Draws the configured table, not the current state, so guards are shown by description and never evaluated.
    public string ToMermaid()
    {
        var diagram = new StringBuilder("stateDiagram-v2");
        foreach (var state in _configurationOrder)
        {
            foreach (var behaviour in _configurations[state].Behaviours.Where(b => !b.IsIgnore))
            {
                diagram.Append($"\n    {state} --> {behaviour.Destination} : {behaviour.Trigger}");
                if (behaviour.IsGuarded)
                {
                    diagram.Append($" [{behaviour.GuardDescription}]");
                }
            }
        }

        return diagram.ToString();
    }
}
