using System.Globalization;
using System.Text.Json;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// The few SQL differences between the two supported providers: how a JSON parameter becomes a row set, how a list
/// parameter is matched, ordinal collation, and row locking for the outbox.
/// </summary>
internal sealed class StoreDialect
{
    /// <summary>The most bytes <see cref="FormatInstant(DateTime, Span{byte})"/> writes.</summary>
    public const int MaxInstantLength = 28;

    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The first SQLite with <c>jsonb_each</c> (January 2024).</summary>
    private static readonly Version SqliteJsonb = new(3, 45, 0);

    private StoreDialect(bool isPostgreSql, bool hasJsonb)
    {
        IsPostgreSql = isPostgreSql;
        HasJsonb = hasJsonb;
    }

    /// <summary>SQLite with only the JSON functions every supported version has (<c>json_each</c>, <c>json_extract</c>).</summary>
    public static StoreDialect Sqlite { get; } = new(isPostgreSql: false, hasJsonb: false);

    /// <summary>SQLite 3.45 or later (what Microsoft.EntityFrameworkCore.Sqlite bundles): JSON rows through <c>jsonb_each</c>.</summary>
    public static StoreDialect SqliteWithJsonb { get; } = new(isPostgreSql: false, hasJsonb: true);

    public static StoreDialect PostgreSql { get; } = new(isPostgreSql: true, hasJsonb: false);

    public bool IsPostgreSql { get; }

    /// <summary>Whether the provider stores instants as text (SQLite) rather than in a timestamp column.</summary>
    public bool InstantsAsText => !IsPostgreSql;

    /// <summary>The collation that orders text by code point.</summary>
    public string OrdinalCollation => IsPostgreSql ? "\"C\"" : "BINARY";

    /// <summary>A comparison of two values that is true when both are null (SQLite's <c>IS</c> predates <c>IS NOT DISTINCT FROM</c>).</summary>
    public string NullSafeEquals(string left, string right) =>
        IsPostgreSql ? $"{left} IS NOT DISTINCT FROM {right}" : $"{left} IS {right}";

    /// <summary>What a claim appends to its row selection so two dispatchers never wait on or take the same row.</summary>
    public string SkipLockedSuffix => IsPostgreSql ? " FOR UPDATE SKIP LOCKED" : "";

    /// <summary>
    /// A statement that makes the rest of its transaction wait for every other transaction that ran it with the same
    /// <paramref name="name"/>: on PostgreSQL a transaction-scoped advisory lock keyed by the name's 64-bit FNV-1a hash
    /// (so a later statement's snapshot sees what the previous holder committed); null on SQLite, where a write
    /// statement holds the database's write lock from its first read.
    /// </summary>
    public string? SerializingLock(string name)
    {
        if (!IsPostgreSql)
        {
            return null;
        }

        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return $"SELECT pg_advisory_xact_lock({unchecked((long)hash).ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>
    /// What a command read under <see cref="SnapshotReads"/> starts with to make its transaction read only (PostgreSQL;
    /// SQLite's deferred read transaction has no such mode, and the command only reads).
    /// </summary>
    public string ReadOnlyTransaction => IsPostgreSql ? "SET TRANSACTION READ ONLY;\n" : "";

    /// <summary>What a read that is followed by a write of the same rows appends to lock them (SQLite locks the database).</summary>
    public string ForUpdateSuffix => IsPostgreSql ? " FOR UPDATE" : "";

    /// <summary>Whether JSON rows are read with SQLite's <c>jsonb_each</c> (3.45+).</summary>
    public bool HasJsonb { get; }

    /// <summary>
    /// Whether a result set of entity rows is read as one JSON array (SQLite with <c>json_group_array(... ORDER BY ...)</c>,
    /// 3.44+; see <see cref="RowReader.Select{T}"/>). PostgreSQL's rows cost little per value, so they are read as rows.
    /// </summary>
    public bool ReadsRowsAsJson => HasJsonb;

    /// <summary>
    /// The dialect of a context's provider; <paramref name="serverVersion"/> (asked only on SQLite, where it is the
    /// version of the native library and needs no open connection) picks the SQLite JSON functions.
    /// </summary>
    public static StoreDialect For(string? providerName, Func<string?> serverVersion) => providerName switch
    {
        SqliteProvider => Version.TryParse(serverVersion(), out var version) && version >= SqliteJsonb ? SqliteWithJsonb : Sqlite,
        StatusKitMigrations.PostgreSqlProvider => PostgreSql,
        _ => throw new NotSupportedException(
            $"StatusKit.EntityFrameworkCore supports SQLite ({SqliteProvider}) and PostgreSQL ({StatusKitMigrations.PostgreSqlProvider}); " +
            $"the context uses '{providerName}'. Configure the context with UseSqlite or UseNpgsql."),
    };

    /// <summary>A row set named <paramref name="alias"/> read from the JSON array parameter <paramref name="parameter"/>.</summary>
    public string JsonRows(string parameter, string alias, IReadOnlyList<JsonColumn> columns)
    {
        if (IsPostgreSql)
        {
            var definitions = string.Join(", ", columns.Select(c => $"{c.Name} {PostgreSqlType(c.Kind)}"));
            return $"jsonb_to_recordset(CAST({parameter} AS jsonb)) AS {alias}({definitions})";
        }

        if (HasJsonb)
        {
            // jsonb_each hands each row over as JSONB, so ->> reads its fields without the text round trip that
            // json_each + json_extract costs per row (json_each renders each object as text, json_extract parses it
            // again): ~40 % less time in the JSON functions of the recompute's statements at 1,000 rows.
            var fields = string.Join(", ", columns.Select(c => $"value ->> '$.{c.Name}' AS {c.Name}"));
            return $"(SELECT {fields} FROM jsonb_each({parameter})) AS {alias}";
        }

        var selections = string.Join(", ", columns.Select(c => $"json_extract(value, '$.{c.Name}') AS {c.Name}"));
        return $"(SELECT {selections} FROM json_each({parameter})) AS {alias}";
    }

    /// <summary>
    /// The id list in the JSON text column <paramref name="column"/> without the id in the text parameter
    /// <paramref name="id"/> (in the list's own shape, <see cref="Guid"/> format "D"), in the same order, as JSON text.
    /// </summary>
    public string JsonIdsWithout(string column, string id)
    {
        if (IsPostgreSql)
        {
            return $"CAST(CAST({column} AS jsonb) - CAST({id} AS text) AS text)";
        }

        // json_group_array of no rows is '[]'; ORDER BY inside the aggregate needs 3.44, which every jsonb SQLite has.
        return HasJsonb
            ? $"(SELECT json_group_array(value ORDER BY key) FROM json_each({column}) WHERE value <> {id})"
            : $"(SELECT json_group_array(value) FROM (SELECT value FROM json_each({column}) WHERE value <> {id} ORDER BY key))";
    }

    /// <summary>A condition that the id list in the JSON text column <paramref name="column"/> holds the id in <paramref name="id"/>.</summary>
    public string JsonIdsContain(string column, string id) =>
        IsPostgreSql
            ? $"CAST({column} AS jsonb) @> jsonb_build_array(CAST({id} AS text))"
            : $"EXISTS (SELECT 1 FROM json_each({column}) WHERE value = {id})";

    /// <summary>A condition that the id list in the JSON text column <paramref name="column"/> holds an id other than <paramref name="id"/>.</summary>
    public string JsonIdsHoldOtherThan(string column, string id) =>
        IsPostgreSql
            ? $"jsonb_array_length(CAST({column} AS jsonb) - CAST({id} AS text)) > 0"
            : $"EXISTS (SELECT 1 FROM json_each({column}) WHERE value <> {id})";

    /// <summary>A condition that <paramref name="expression"/> is in the list parameter made by <see cref="ListArgument{T}"/>.</summary>
    public string InList(string expression, string parameter) =>
        IsPostgreSql ? $"{expression} = ANY({parameter})" : $"{expression} IN (SELECT value FROM json_each({parameter}))";

    /// <summary>The value of a list parameter: an array on PostgreSQL, a JSON array in the stored text shapes on SQLite.</summary>
    public object ListArgument<T>(IEnumerable<T> values)
    {
        if (IsPostgreSql)
        {
            return values.ToArray();
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                switch (value)
                {
                    case Guid guid:
                        writer.WriteStringValue(FormatGuid(guid));
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    default:
                        throw new ArgumentException($"Unsupported list element type {typeof(T)}.", nameof(values));
                }
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A <see cref="Guid"/> as the provider stores it (upper-case text on SQLite).</summary>
    public string FormatGuid(Guid value) =>
        IsPostgreSql ? value.ToString("D", CultureInfo.InvariantCulture) : value.ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    /// <summary>
    /// Writes <paramref name="value"/> as UTF-8 the way <see cref="FormatGuid(Guid)"/> does (at most
    /// <see cref="SqliteText.GuidLength"/> bytes); returns the bytes written.
    /// </summary>
    public int FormatGuid(Guid value, Span<byte> destination)
    {
        if (!IsPostgreSql)
        {
            return SqliteText.FormatGuid(value, destination);
        }

        return value.TryFormat(destination, out var written, "D")
            ? written
            : throw new ArgumentException("The destination is too small for a GUID.", nameof(destination));
    }

    /// <summary>
    /// Writes a UTC instant as UTF-8 in the shape the provider reads from JSON (SQLite: the stored text shape; at most
    /// <see cref="MaxInstantLength"/> bytes); returns the bytes written.
    /// </summary>
    public int FormatInstant(DateTime utc, Span<byte> destination)
    {
        if (!IsPostgreSql)
        {
            return SqliteText.FormatInstant(utc, destination);
        }

        return utc.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
            ? written
            : throw new ArgumentException("The destination is too small for an instant.", nameof(destination));
    }

    private static string PostgreSqlType(JsonColumnKind kind) => kind switch
    {
        JsonColumnKind.Uuid => "uuid",
        JsonColumnKind.Int32 => "integer",
        JsonColumnKind.Int64 => "bigint",
        JsonColumnKind.Boolean => "boolean",
        JsonColumnKind.Instant => "timestamp with time zone",
        _ => "text",
    };
}
