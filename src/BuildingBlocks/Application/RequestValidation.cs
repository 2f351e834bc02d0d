using FluentValidation;
using FluentValidation.Results;

namespace OrderManagement.BuildingBlocks.Application;

/// <summary>
/// Validates what a client sent, with the FluentValidation validator registered for its type, before it is mapped to a
/// command: a request type holds the body as sent (every field nullable), the command only values that passed.
/// </summary>
public static class RequestValidation
{
    /// <summary>
    /// Throws <see cref="RequestValidationException"/> (400 problem+json, RFC 9457, with the errors keyed by the
    /// camelCase path of each field, e.g. <c>lines[1].quantity</c>) when <paramref name="request"/> breaks a rule.
    /// </summary>
    public static async Task ValidateRequestAsync<T>(this IValidator<T> validator, T request, CancellationToken cancellationToken)
    {
        var result = await validator.ValidateAsync(request, cancellationToken);
        ThrowIfAny(result.Errors);
    }

    internal static void ThrowIfAny(IReadOnlyCollection<ValidationFailure> failures)
    {
        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => ToCamelCasePath(f.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
            throw new RequestValidationException(errors);
        }
    }

    // FluentValidation names paths after C# properties ("Lines[0].Quantity"); the API speaks camelCase.
    internal static string ToCamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
