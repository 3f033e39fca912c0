using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace StatusKit.EntityFrameworkCore.Storage;

/// <summary>
/// The delimited table and column names of StatusKit's entity types in one context's model (so raw SQL follows the
/// host's schema and table prefix), and how to recognise which unique index a violation hit.
/// </summary>
internal sealed class StoreSchema
{
    private readonly IModel _model;
    private readonly ISqlGenerationHelper _sql;

    public StoreSchema(IModel model, ISqlGenerationHelper sql)
    {
        _model = model;
        _sql = sql;
    }

    /// <summary>The delimited, schema-qualified table of <typeparamref name="T"/>.</summary>
    public string Table<T>()
    {
        var entityType = EntityType<T>();
        return _sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
    }

    /// <summary>The delimited column of <typeparamref name="T"/>'s <paramref name="propertyName"/>.</summary>
    public string Column<T>(string propertyName) => _sql.DelimitIdentifier(ColumnName<T>(propertyName));

    /// <summary>The undelimited column name of <typeparamref name="T"/>'s <paramref name="propertyName"/>.</summary>
    public string ColumnName<T>(string propertyName) =>
        EntityType<T>().FindProperty(propertyName)?.GetColumnName()
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {propertyName}.");

    /// <summary>
    /// The name of the property whose unique index the provider's error <paramref name="message"/> names (PostgreSQL
    /// names the index, SQLite lists <c>table.column</c>s), or null.
    /// </summary>
    public string? FindUniqueIndexProperty(string message)
    {
        foreach (var entityType in _model.GetEntityTypes())
        {
            var table = entityType.GetTableName();
            foreach (var index in entityType.GetIndexes().Where(i => i.IsUnique))
            {
                var sqliteForm = string.Join(", ", index.Properties.Select(p => $"{table}.{p.GetColumnName()}"));
                if (message.Contains(sqliteForm + "'", StringComparison.Ordinal)
                    || (index.GetDatabaseName() is { } name && message.Contains('"' + name + '"', StringComparison.Ordinal)))
                {
                    return index.Properties[^1].Name;
                }
            }
        }

        return null;
    }

    public IEntityType EntityType<T>() =>
        _model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException(
            $"The context has no StatusKit tables. Call modelBuilder.ApplyStatusKitModel() from its OnModelCreating.");
}
