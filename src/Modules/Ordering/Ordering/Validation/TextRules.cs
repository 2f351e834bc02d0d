using FluentValidation;

namespace OrderManagement.Ordering.Validation;

internal static class TextRules
{
    // A lone UTF-16 surrogate cannot be stored as UTF-8 text: refuse it instead of failing later.
    public static bool IsWellFormed(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]) || text[i] == '\0')
            {
                return false;
            }
        }

        return true;
    }

    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilderInitial<T, string?> rule, string field, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage($"{field} is required.")
            .MaximumLength(maxLength).WithMessage($"{field} must be at most {maxLength} characters.")
            .Must(IsWellFormed).WithMessage($"{field} must be valid Unicode text.");

    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilderInitial<T, string?> rule, string field, int maxLength) =>
        rule.Cascade(CascadeMode.Stop)
            .MaximumLength(maxLength).WithMessage($"{field} must be at most {maxLength} characters.")
            .Must(IsWellFormed).WithMessage($"{field} must be valid Unicode text.");
}
