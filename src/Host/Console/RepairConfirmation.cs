using OrderManagement.Ordering.Contracts;

namespace OrderManagement.Host.Console;

// A repair's preview and the form that confirms it, drawn by one partial (Shared/_RepairConfirmation) wherever a repair is
// offered: the order page (retry, cancel, review, replay a message) and the dead letters page (replay a group). Fields
// are the hidden inputs that name what the confirmation repairs; Reason is the one typed for the preview.
public sealed record RepairConfirmation(
    RepairPreview Preview, string Title, string ConfirmAction, IReadOnlyList<KeyValuePair<string, string>> Fields, string Reason, string BackUrl)
{
    public bool Danger => Preview.Kind is RepairKind.Cancel or RepairKind.RejectReview;

    public static string TitleOf(RepairKind kind) => kind switch
    {
        RepairKind.RetryStep => "retry the current step",
        RepairKind.ApproveReview => "approve the held order",
        RepairKind.RejectReview => "reject the held order",
        RepairKind.ReplayDeadLetter => "replay the dead letter",
        _ => "cancel the order",
    };
}
