using System.Reflection;
using OrderManagement.BuildingBlocks.Application;

namespace OrderManagement.Architecture.Tests.Rules;

// Issue 10 point 7: the HTTP request body is not the command. A request type holds the body as sent (nullable, so a
// missing field is a 400); its validator accepts it; only then is it mapped to a command whose values are all present,
// so a handler never needs `!`. A command property may be nullable only where the contract makes the field optional.
public static class CommandRules
{
    // "Type.Property": optional by the REST contract (api-contract.md, cancel body; README and OpenAPI, a review's
    // approval, ADR 0018), null meaning "not given".
    private static readonly HashSet<string> OptionalByContract = ["CancelOrderCommand.Reason", "ApproveReviewCommand.Reason"];

    public static IReadOnlyList<string> NullableCommandFields(Assembly assembly)
    {
        var nullability = new NullabilityInfoContext();
        return
        [
            .. from type in LoadableTypes(assembly)
               where type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
               from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
               where !OptionalByContract.Contains($"{type.Name}.{property.Name}")
                     && nullability.Create(property).ReadState == NullabilityState.Nullable
               select $"{type.FullName}.{property.Name} is nullable: take the body as a request type, validate it, and map it to a command with the value present",
        ];
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
