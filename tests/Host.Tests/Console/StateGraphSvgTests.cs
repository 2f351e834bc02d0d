using System.Text.RegularExpressions;
using OrderManagement.Host.Console;

namespace OrderManagement.Host.Tests.Console;

// The saga's graph has choices (Stateless's MermaidGraph writes "state Decision1 <<choice>>" for a guarded move, such as
// which compensation undoes the last held step). An operator saw them as states named Decision1 and Decision2.
public sealed class StateGraphSvgTests
{
    private const string Mermaid = """
        stateDiagram-v2
            Running
            Compensating
            VoidingPayment
            ReleasingStock
            state Decision1 <<choice>>
            Running --> Compensating : Compensate
            Compensating --> Decision1 : Continue
            Decision1 --> VoidingPayment : Continue [VoidPayment undoes a held step]
            Decision1 --> ReleasingStock : Continue [ReleaseStock undoes a held step]
        """;

    [Fact]
    public void Given_a_graph_with_a_choice_When_drawn_Then_the_choice_is_a_diamond_without_a_name_and_the_path_runs_through_it()
    {
        var svg = StateGraphSvg.Render(Mermaid, ["Running", "Compensating", "VoidingPayment"], "Saga").ToString()!;

        svg.ShouldNotContain(">Decision1</text>");
        svg.ShouldContain("data-choice=\"true\"");
        Regex.Count(svg, "<polygon").ShouldBe(1);
        Regex.Count(svg, "data-walked=\"true\"").ShouldBe(3, "Running -> Compensating, Compensating -> choice, choice -> VoidingPayment");
        svg.ShouldContain(">ReleasingStock</text>");
    }
}
