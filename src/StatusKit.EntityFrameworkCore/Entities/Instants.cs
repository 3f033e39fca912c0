namespace StatusKit.EntityFrameworkCore.Entities;

/// <summary>
/// How instants are stored: as UTC <see cref="DateTime"/> values. PostgreSQL keeps them in <c>timestamptz</c>
/// columns; SQLite keeps them as ISO-8601 text of fixed shape (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, always UTC), whose
/// text order is the time order, so <c>ORDER BY</c> and comparisons in SQL are correct on both providers (unlike
/// <see cref="DateTimeOffset"/> on SQLite).
/// </summary>
internal static class Instants
{
    public static DateTime ToStore(DateTimeOffset value) => value.UtcDateTime;

    public static DateTime? ToStore(DateTimeOffset? value) => value?.UtcDateTime;

    public static DateTimeOffset FromStore(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? FromStore(DateTime? value) => value is { } v ? FromStore(v) : null;
}
