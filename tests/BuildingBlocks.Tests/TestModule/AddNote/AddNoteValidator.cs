using FluentValidation;

namespace OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;

internal sealed class AddNoteValidator : AbstractValidator<AddNoteCommand>
{
    public AddNoteValidator()
    {
        RuleFor(c => c.Text).NotEmpty();
        RuleForEach(c => c.Lines).ChildRules(line => line.RuleFor(l => l.Quantity).GreaterThan(0));
    }
}
