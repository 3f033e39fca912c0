using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// Selects and materialises entity rows from a raw multi-result reader (used where one command returns several result
/// sets, which EF's own query pipeline cannot). Each entity type gets a compiled reader of typed getters, so a row
/// costs no reflection and no boxing; on SQLite, instants are parsed from their fixed text shape, and where SQLite has
/// the 3.44 JSON functions a result set is one JSON value (<see cref="JsonRowMaterializer{T}"/>).
/// </summary>
internal static class RowReader
{
    /// <summary>The most rows <see cref="SelectInAnyOrder{T}"/> puts into one JSON value.</summary>
    public const int JsonChunkRows = 128;

    private static readonly ConditionalWeakTable<IEntityType, object> Materializers = new();
    private static readonly ConditionalWeakTable<IEntityType, object> JsonMaterializers = new();

    /// <summary>
    /// The statement that selects every column of the <typeparamref name="T"/> rows named <paramref name="alias"/> in
    /// <paramref name="from"/> (a FROM clause with any WHERE), in <paramref name="orderBy"/> order (or none), shaped as
    /// <see cref="ReadAllAsync{T}"/> reads it with the same dialect.
    /// </summary>
    public static string Select<T>(IEntityType entityType, StoreDialect dialect, string alias, string from, string? orderBy)
        where T : new()
    {
        if (!dialect.ReadsRowsAsJson)
        {
            return orderBy is null ? $"SELECT {alias}.* {from}" : $"SELECT {alias}.* {from} ORDER BY {orderBy}";
        }

        var values = string.Join(", ", JsonMaterializerOf<T>(entityType).Columns.Select(c => $"{alias}.\"{c}\""));
        var order = orderBy is null ? "" : $" ORDER BY {orderBy}";
        return $"SELECT CAST(json_group_array(json_array({values}){order}) AS BLOB) {from}";
    }

    /// <summary>
    /// The statement that selects every column of the <typeparamref name="T"/> rows of <paramref name="table"/> (named
    /// <paramref name="alias"/>) that match <paramref name="where"/>, in no particular order (the caller sorts), shaped as
    /// <see cref="ReadAllAsync{T}"/> reads it with the same dialect. Where rows cross as JSON, they come as one JSON
    /// value per <see cref="JsonChunkRows"/> rows of the table, so that a large result (the components of a
    /// 1,000-component page are ~280 KB of JSON) is not copied into one array on the large-object heap, and SQLite
    /// sorts only by row id.
    /// </summary>
    public static string SelectInAnyOrder<T>(IEntityType entityType, StoreDialect dialect, string alias, string table, string where)
        where T : new()
    {
        if (!dialect.ReadsRowsAsJson)
        {
            return $"SELECT {alias}.* FROM {table} AS {alias} WHERE {where}";
        }

        var values = string.Join(", ", JsonMaterializerOf<T>(entityType).Columns.Select(c => $"{alias}.\"{c}\""));
        return $"SELECT CAST(json_group_array(json_array({values})) AS BLOB) FROM {table} AS {alias} WHERE {where} GROUP BY {alias}.rowid / {JsonChunkRows}";
    }

    public static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, IEntityType entityType, StoreDialect dialect, CancellationToken cancellationToken)
        where T : new()
    {
        if (dialect.ReadsRowsAsJson)
        {
            // One value per row, each a JSON array of rows: one for Select (an empty set aggregates to []), any number
            // for SelectInAnyOrder (none for an empty set).
            var json = JsonMaterializerOf<T>(entityType);
            var all = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                json.ReadInto(reader.GetFieldValue<byte[]>(0), all);
            }

            return all;
        }

        var materializer = MaterializerOf<T>(entityType, dialect.InstantsAsText);
        var ordinals = new int[materializer.Columns.Length];
        for (var i = 0; i < ordinals.Length; i++)
        {
            ordinals[i] = reader.GetOrdinal(materializer.Columns[i]);
        }

        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(materializer.Read(reader, ordinals));
        }

        return rows;
    }

    private static JsonRowMaterializer<T> JsonMaterializerOf<T>(IEntityType entityType)
        where T : new() =>
        (JsonRowMaterializer<T>)JsonMaterializers.GetValue(entityType, static type => JsonRowMaterializer<T>.Compile(type));

    private static Materializer<T> MaterializerOf<T>(IEntityType entityType, bool instantsAsText)
    {
        var pair = (Materializer<T>[])Materializers.GetValue(entityType, _ => new Materializer<T>?[2]);
        var index = instantsAsText ? 1 : 0;
        return pair[index] ??= Materializer<T>.Compile(entityType, instantsAsText);
    }

    /// <summary>An instant stored as text, read without the provider's general-purpose parse when it has the stored shape.</summary>
    private static DateTime ReadInstantText(DbDataReader reader, int ordinal) =>
        SqliteText.TryParseInstant(reader.GetString(ordinal), out var value) ? value : ReadInstant(reader, ordinal);

    private static DateTime ReadInstant(DbDataReader reader, int ordinal) =>
        DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    private sealed class Materializer<T>
    {
        private Materializer(string[] columns, Func<DbDataReader, int[], T> read)
        {
            Columns = columns;
            Read = read;
        }

        /// <summary>The column of each property, in the order of the ordinals <see cref="Read"/> takes.</summary>
        public string[] Columns { get; }

        public Func<DbDataReader, int[], T> Read { get; }

        public static Materializer<T> Compile(IEntityType entityType, bool instantsAsText)
        {
            var properties = EntityProperties.Mapped(entityType);
            var reader = Expression.Parameter(typeof(DbDataReader), "reader");
            var ordinals = Expression.Parameter(typeof(int[]), "ordinals");
            var bindings = new MemberBinding[properties.Length];
            for (var i = 0; i < properties.Length; i++)
            {
                var property = properties[i];
                var info = property.PropertyInfo
                           ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is not a CLR property.");
                var ordinal = Expression.ArrayIndex(ordinals, Expression.Constant(i));
                var target = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
                var value = Value(reader, ordinal, target, instantsAsText);
                if (value.Type != info.PropertyType)
                {
                    value = Expression.Convert(value, info.PropertyType);
                }

                if (property.IsNullable)
                {
                    value = Expression.Condition(
                        Expression.Call(reader, Getter(nameof(DbDataReader.IsDBNull)), ordinal), Expression.Default(info.PropertyType), value);
                }

                bindings[i] = Expression.Bind(info, value);
            }

            var body = Expression.MemberInit(Expression.New(typeof(T)), bindings);
            var read = Expression.Lambda<Func<DbDataReader, int[], T>>(body, reader, ordinals).Compile();
            return new Materializer<T>(properties.Select(p => p.GetColumnName()).ToArray(), read);
        }

        private static Expression Value(ParameterExpression reader, Expression ordinal, Type target, bool instantsAsText)
        {
            if (target.IsEnum)
            {
                var number = Expression.Call(reader, Getter(nameof(DbDataReader.GetInt32)), ordinal);
                return Expression.Convert(Expression.Convert(number, Enum.GetUnderlyingType(target)), target);
            }

            var getter = target switch
            {
                _ when target == typeof(Guid) => Getter(nameof(DbDataReader.GetGuid)),
                _ when target == typeof(string) => Getter(nameof(DbDataReader.GetString)),
                _ when target == typeof(int) => Getter(nameof(DbDataReader.GetInt32)),
                _ when target == typeof(long) => Getter(nameof(DbDataReader.GetInt64)),
                _ when target == typeof(bool) => Getter(nameof(DbDataReader.GetBoolean)),
                _ when target == typeof(DateTime) => null,
                _ => throw new NotSupportedException($"Cannot read a {target} column."),
            };
            if (getter is not null)
            {
                return Expression.Call(reader, getter, ordinal);
            }

            var instant = typeof(RowReader).GetMethod(
                instantsAsText ? nameof(ReadInstantText) : nameof(ReadInstant), BindingFlags.NonPublic | BindingFlags.Static)!;
            return Expression.Call(instant, reader, ordinal);
        }

        private static MethodInfo Getter(string name) => typeof(DbDataReader).GetMethod(name, [typeof(int)])!;
    }
}
