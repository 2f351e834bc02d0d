using OrderManagement.Architecture.Tests.Solution;
using OrderManagement.TestKit;

namespace OrderManagement.Architecture.Tests.Docs;

public sealed class GeneratedDocsTests
{
    [Fact]
    public void Given_the_built_modules_When_their_overview_is_generated_Then_docs_modules_md_is_current() =>
        GeneratedDocument.AssertCurrent("docs/modules.md", ModuleOverview.Render(SolutionModules.All));
}
