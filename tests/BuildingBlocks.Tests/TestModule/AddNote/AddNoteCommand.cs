using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.BuildingBlocks.Tests.TestModule.AddNote;

internal sealed record AddNoteCommand(string Text, IReadOnlyList<NoteLine> Lines, bool FailAfterSaving = false) : ICommand<Guid>;

internal sealed record NoteLine(string Sku, int Quantity);
