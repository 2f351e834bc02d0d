using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.BuildingBlocks.Web;

// A query parameter typed as an enum (`?status=`) takes exactly one of the enum's names, spelled as the contract spells
// them (api-contract.md), or the request is a 400 validation problem naming them. Minimal APIs bind enums with
// Enum.TryParse, which also takes numbers ("1"), lists ("Pending,Confirmed") and surrounding white space; the filter
// refuses those, and BadRequestProblems answers a value that does not bind at all with the same words.
public static class EnumQueryParameters
{
    public const string Description = "Only items in this status (exact spelling); any other value is a 400.";

    public static string MustBeOneOf(string name, Type enumType) =>
        $"{name} must be one of {string.Join(", ", Enum.GetNames(enumType))}.";

    public static TBuilder RequireEnumNames<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var parameters = context.MethodInfo.GetParameters()
                .Select(p => (Name: p.Name!, Type: EnumType(p)))
                .Where(p => p.Type is not null)
                .ToList();
            return parameters.Count == 0 ? next : async invocation =>
            {
                var query = invocation.HttpContext.Request.Query;
                foreach (var (name, type) in parameters)
                {
                    if (query.TryGetValue(name, out var values)
                        && !(values.Count == 1 && Enum.GetNames(type!).Contains(values[0], StringComparer.Ordinal)))
                    {
                        throw new RequestValidationException(new Dictionary<string, string[]> { [name] = [MustBeOneOf(name, type!)] });
                    }
                }

                return await next(invocation);
            };
        });

    // The enum a handler's parameter binds to (a nullable one included); null for any other type.
    internal static Type? EnumType(ParameterInfo parameter) =>
        (Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) is { IsEnum: true } type ? type : null;
}
