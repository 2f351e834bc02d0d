using System.Reflection;
using System.Reflection.Emit;

namespace OrderManagement.Architecture.Tests.Docs;

// The types whose constructors an assembly's code calls (newobj), read from the IL of every method, lambdas and
// async state machines included.
internal static class ConstructedTypes
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<ushort, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => (ushort)o.Value);

    public static IReadOnlySet<Type> In(Assembly assembly)
    {
        var found = new HashSet<Type>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (method.GetMethodBody()?.GetILAsByteArray() is { } il)
                {
                    Collect(method, il, found);
                }
            }
        }

        return found;
    }

    private static void Collect(MethodBase method, byte[] il, HashSet<Type> found)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (ushort)(0xFE00 | il[i + 1]) : il[i];
            var opCode = OpCodesByValue[value];
            i += opCode.Size;
            if (opCode == OpCodes.Newobj
                && method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArguments, methodArguments) is { DeclaringType: { } constructed })
            {
                found.Add(constructed);
            }

            i += OperandSize(opCode, il, i);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
