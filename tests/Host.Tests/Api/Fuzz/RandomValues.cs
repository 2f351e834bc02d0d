using System.Globalization;
using System.Text;

namespace OrderManagement.Host.Tests.Api.Fuzz;

// Small helpers over one seeded Random, so every run sends the very same requests.
public sealed class RandomValues(int seed)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public Random Random { get; } = new(seed);

    public T Pick<T>(params T[] items) => items[Random.Next(items.Length)];

    public int Between(int min, int maxInclusive) => (int)Random.NextInt64(min, (long)maxInclusive + 1);

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public string Letters(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[Random.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    public byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        Random.NextBytes(bytes);
        return bytes;
    }

    // A price with exactly three decimals, the last one not zero: 12.345, 0.001.
    public string ThreeDecimals() =>
        $"{Between(0, 999_999).ToString(CultureInfo.InvariantCulture)}.{Between(0, 99).ToString("00", CultureInfo.InvariantCulture)}{Between(1, 9).ToString(CultureInfo.InvariantCulture)}";

    public decimal ValidPrice() => Between(1, 99_999_999) / 100m;
}
