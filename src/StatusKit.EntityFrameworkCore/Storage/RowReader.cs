using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// Materialises entity rows from a raw multi-result reader by column name (used where one command returns several
/// result sets, which EF's own query pipeline cannot).
/// </summary>
internal static class RowReader
{
    public static async Task<List<T>> ReadAllAsync<T>(DbDataReader reader, IEntityType entityType, CancellationToken cancellationToken)
        where T : new()
    {
        var properties = entityType.GetProperties()
            .Select(p => (Info: p.PropertyInfo!, Ordinal: reader.GetOrdinal(p.GetColumnName())))
            .ToArray();
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new T();
            foreach (var (info, ordinal) in properties)
            {
                info.SetValue(row, reader.IsDBNull(ordinal) ? null : Read(reader, ordinal, info.PropertyType));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static object Read(DbDataReader reader, int ordinal, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            return Enum.ToObject(target, reader.GetInt32(ordinal));
        }

        return target switch
        {
            _ when target == typeof(Guid) => reader.GetGuid(ordinal),
            _ when target == typeof(string) => reader.GetString(ordinal),
            _ when target == typeof(int) => reader.GetInt32(ordinal),
            _ when target == typeof(long) => reader.GetInt64(ordinal),
            _ when target == typeof(bool) => reader.GetBoolean(ordinal),
            _ when target == typeof(DateTime) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc),
            _ => throw new NotSupportedException($"Cannot read a {target} column."),
        };
    }
}
