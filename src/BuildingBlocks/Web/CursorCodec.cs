using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace OrderManagement.BuildingBlocks.Web;

// Opaque page cursors, protected (encrypted and authenticated) with ASP.NET Core Data Protection: the key ring is
// configuration, not code, so no one can mint a cursor from the source, and every host sharing the key ring reads
// the cursors of the others. A protected cursor still only says what this API once wrote; every decoded position
// is range-checked as well, so a cursor that does not decode to a position a page can have is refused (400).
public sealed class CursorCodec(IDataProtectionProvider protection)
{
    private const int MaxCursorLength = 512;
    private readonly IDataProtector _protector = protection.CreateProtector("OrderManagement.PageCursor.v1");

    public string Encode(string position) => _protector.Protect(position);

    public bool TryDecode(string? cursor, out string position)
    {
        position = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > MaxCursorLength)
        {
            return false;
        }

        try
        {
            position = _protector.Unprotect(cursor);
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    // A position in an insertion sequence: digits only, 1 or more.
    public string EncodeSequence(long sequence) => Encode(sequence.ToString(CultureInfo.InvariantCulture));

    public bool TryDecodeSequence(string? cursor, out long sequence)
    {
        sequence = 0;
        return TryDecode(cursor, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && sequence >= 1;
    }

    // A position in a (timestamp, id) order: UTC ticks within DateTimeOffset's range and a UUID.
    public string EncodeTimeAndId(DateTimeOffset time, Guid id) =>
        Encode($"{time.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{id:D}");

    public bool TryDecodeTimeAndId(string? cursor, out (DateTimeOffset Time, Guid Id) position)
    {
        position = default;
        if (!TryDecode(cursor, out var text) || text.Split('|') is not [var ticksText, var idText]
            || !long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(idText, "D", out var id))
        {
            return false;
        }

        position = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
