using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace OrderManagement.BuildingBlocks.Web;

// Opaque page cursors: the position plus an HMAC, so a cursor we did not issue is recognised and refused.
public sealed class CursorCodec(IConfiguration configuration)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(configuration["Api:CursorSecret"] ?? "ordermanagement-cursor-v1");

    public string Encode(string position)
    {
        var payload = Encoding.UTF8.GetBytes(position);
        var mac = HMACSHA256.HashData(_key, payload).AsSpan(0, 12);
        return Base64Url.EncodeToString([.. payload, .. mac]);
    }

    public bool TryDecode(string? cursor, out string position)
    {
        position = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 512)
        {
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length <= 12)
        {
            return false;
        }

        var payload = bytes.AsSpan(0, bytes.Length - 12);
        var expected = HMACSHA256.HashData(_key, payload).AsSpan(0, 12);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - 12)))
        {
            return false;
        }

        position = Encoding.UTF8.GetString(payload);
        return true;
    }
}
