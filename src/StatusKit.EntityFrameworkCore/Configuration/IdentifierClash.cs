using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Finds the clash in a model whose prefixed names two of StatusKit's objects would share in the database: PostgreSQL keeps the
/// first 63 bytes of a name (the provider's maximum identifier length) and tables and indexes share one namespace per
/// schema, so a long <see cref="StatusKitModelOptions.TablePrefix"/> can leave two of StatusKit's own index names alike,
/// and creating the second then fails with "relation already exists" in the middle of a migration. EF Core shortens and
/// tells apart the names it makes itself; this checks the names StatusKit sets: the tables and its named indexes.
/// </summary>
internal static class IdentifierClash
{
    /// <summary>What clashes, as the message of the error to throw; null when every name stays apart.</summary>
    public static string? Find(IMutableModel model, StatusKitModelOptions options)
    {
        var max = model.GetMaxIdentifierLength();
        var names = StatusKitTableNames.EntityTypes
            .Select(model.FindEntityType)
            .OfType<IMutableEntityType>()
            .SelectMany(entity => entity.GetIndexes()
                .Where(index => index.GetDatabaseName() is not null && ((IConventionIndex)index).GetDatabaseNameConfigurationSource() == ConfigurationSource.Explicit)
                .Select(index => index.GetDatabaseName()!)
                .Prepend(entity.GetTableName()!));

        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var stored = Clip(name, max);
            if (kept.TryGetValue(stored, out var other) && other != name)
            {
                return $"The TablePrefix '{options.TablePrefix}' is too long for this database: '{other}' and '{name}' are the same in their first {max} bytes, " +
                    "which is all of a name it keeps. Choose a shorter TablePrefix.";
            }

            kept[stored] = name;
        }

        return null;
    }

    // The longest start of name that fits in max UTF-8 bytes without splitting a character, as PostgreSQL clips it.
    private static string Clip(string name, int max)
    {
        if (Encoding.UTF8.GetByteCount(name) <= max)
        {
            return name;
        }

        var bytes = 0;
        var end = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > max)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            end += rune.Utf16SequenceLength;
        }

        return name[..end];
    }
}
