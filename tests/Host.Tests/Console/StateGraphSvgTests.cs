using System.Net;
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
        Regex.Count(svg, "<path [^>]*data-walked=\"true\"").ShouldBe(3, "Running -> Compensating, Compensating -> choice, choice -> VoidingPayment");
        svg.ShouldContain(">ReleasingStock</text>");
    }

    // Issue 11 (review, defect 2): a saga that failed and was retried showed no way through Failed: the Fail trigger is
    // drawn from the superstate (Running --> Failed) and the resume goes through a choice to the step that failed.
    private const string SagaMermaid = """
        stateDiagram-v2
            Running
            state Running {
                ReservingStock
                CreatingShipment
            }
            Failed
            Completed
            state Decision2 <<choice>>
            Running --> ReservingStock : Continue
            ReservingStock --> CreatingShipment : Continue
            CreatingShipment --> Completed : Continue
            Running --> Failed : Fail
            Failed --> Decision2 : Resume
            Decision2 --> ReservingStock : Resume [failed at ReserveStock]
            Decision2 --> CreatingShipment : Resume [failed at CreateShipment]
        """;

    [Fact]
    public void Given_a_saga_that_failed_and_was_resumed_When_drawn_Then_its_path_runs_through_Failed_and_back_to_the_step()
    {
        var svg = StateGraphSvg.Render(SagaMermaid, ["Running", "ReservingStock", "CreatingShipment", "Failed", "CreatingShipment", "Completed"], "Saga")
            .ToString()!;

        Walked(svg).ShouldBe(
            ["Running→ReservingStock", "ReservingStock→CreatingShipment", "CreatingShipment→Completed", "Running→Failed", "Failed→Decision2", "Decision2→CreatingShipment"],
            ignoreOrder: true);
        svg.ShouldContain("data-state=\"Failed\" data-visited=\"true\"");
    }

    // Issue 11 (newcomer review, M1): the walked Fail was drawn from Running, which the saga had left, and nothing said
    // that a superstate's edge is taken from any of its steps, or from which one this saga took it.
    [Fact]
    public void Given_a_saga_that_failed_in_a_step_When_drawn_Then_the_legend_says_the_superstates_edge_was_taken_from_that_step()
    {
        var svg = WebUtility.HtmlDecode(StateGraphSvg.Render(SagaMermaid, ["Running", "ReservingStock", "CreatingShipment", "Failed"], "Saga").ToString()!);

        var fail = Regex.Match(svg, "<li value=\"\\d+\" data-edge=\"Running→Failed\" data-walked=\"true\">([^<]*)</li>").Groups[1].Value;
        fail.ShouldBe("Running → Failed: Fail (from Running or any of its steps: ReservingStock, CreatingShipment); taken here from CreatingShipment");
        svg.ShouldContain(">Running → ReservingStock: Continue</li>", Case.Sensitive, "an edge of Running's own is taken from Running");
        svg.ShouldContain("<title>Running → Failed: Fail (from Running or any of its steps: ReservingStock, CreatingShipment); taken here from CreatingShipment</title>");
    }

    [Fact]
    public void Given_any_graph_When_drawn_Then_it_scales_to_its_container_down_to_a_readable_size()
    {
        var svg = StateGraphSvg.Render(SagaMermaid, ["Running"], "Saga").ToString()!;

        var width = double.Parse(Regex.Match(svg, "viewBox=\"0 0 (\\d+) ").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        svg.ShouldContain("width=\"100%\"");
        svg.ShouldContain($"max-width:{width}px;min-width:{Math.Ceiling(width * StateGraphSvg.MinScale)}px");
    }

    private static List<string> Walked(string svg) =>
        [.. Regex.Matches(svg, "<path [^>]*data-edge=\"([^\"]+)\" data-walked=\"true\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];
}
