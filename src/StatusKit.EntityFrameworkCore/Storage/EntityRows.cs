using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>Set-based writes of whole entity rows through one JSON parameter: one command for any number of rows.</summary>
internal static class EntityRows
{
    /// <summary>The JSON columns of <paramref name="entityType"/>, named like its table columns.</summary>
    public static IReadOnlyList<JsonColumn> Columns(IEntityType entityType) =>
        EntityProperties.Mapped(entityType).Select(p => new JsonColumn(p.GetColumnName(), KindOf(p.ClrType))).ToArray();

    /// <summary>The JSON array parameter holding <paramref name="rows"/>.</summary>
    public static string ToJson<T>(StoreDialect dialect, IEntityType entityType, IEnumerable<T> rows)
    {
        var properties = EntityProperties.Mapped(entityType).Select(p => (Name: p.GetColumnName(), Info: p.PropertyInfo!)).ToArray();
        using var builder = new JsonRowsBuilder(dialect);
        foreach (var row in rows)
        {
            builder.StartRow();
            foreach (var (name, info) in properties)
            {
                builder.AddValue(name, info.GetValue(row));
            }

            builder.EndRow();
        }

        return builder.Build();
    }

    /// <summary>
    /// <c>INSERT INTO table (columns) SELECT … FROM json rows</c>, with <paramref name="suffix"/> (e.g. an
    /// <c>ON CONFLICT</c> clause) appended; the rows are the parameter <paramref name="parameter"/>.
    /// </summary>
    public static string InsertSql(StoreDialect dialect, IEntityType entityType, string table, string parameter, string suffix = "")
    {
        var columns = Columns(entityType);
        var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
        var values = string.Join(", ", columns.Select(c => "j." + c.Name));
        return $"INSERT INTO {table} ({names}) SELECT {values} FROM {dialect.JsonRows(parameter, "j", columns)} WHERE TRUE{suffix}";
    }

    private static string Quote(string identifier) => '"' + identifier + '"';

    private static JsonColumnKind KindOf(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target.IsEnum => JsonColumnKind.Int32,
            _ when target == typeof(Guid) => JsonColumnKind.Uuid,
            _ when target == typeof(int) => JsonColumnKind.Int32,
            _ when target == typeof(long) => JsonColumnKind.Int64,
            _ when target == typeof(bool) => JsonColumnKind.Boolean,
            _ when target == typeof(DateTime) => JsonColumnKind.Instant,
            _ => JsonColumnKind.Text,
        };
    }
}
