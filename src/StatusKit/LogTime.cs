namespace StatusKit;

/// <summary>
/// How StatusKit's log messages render an instant: ISO 8601 in UTC, to the second, with a fraction only when there is
/// one (<c>2026-01-05T10:00:00Z</c>), whatever the host's culture. The separators are quoted, so no culture's date or
/// time separator changes them. A message formats only a value it converted to UTC first, so the <c>Z</c> is true; the
/// structured value stays that <see cref="DateTimeOffset"/>.
/// </summary>
internal static class LogTime
{
    /// <summary>The format of an instant in UTC in a message template (<c>{At:…}</c>).</summary>
    public const string Utc = "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'";
}
