using System.Globalization;

namespace StatusKit.Shared;

/// <summary>
/// How a page's UTC offset is written for people: "UTC" for zero, else "UTC+01:00" / "UTC-05:00". The HTML page and
/// the notifications write it alike. Compiled into each StatusKit assembly that needs it (shared source, internal).
/// </summary>
internal static class UtcOffsetLabel
{
    public static string Of(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
