using Microsoft.Data.Sqlite;
using StatusKit.EntityFrameworkCore.Storage;

namespace StatusKit.EntityFrameworkCore.Tests.Storage;

public sealed class StoreDialectTests
{
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    [Theory]
    [InlineData("3.53.3", true)]
    [InlineData("3.45.0", true)]
    [InlineData("3.44.2", false)]
    [InlineData("3.40.1", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Sqlite_reads_json_rows_with_jsonb_each_from_3_45_on(string? version, bool jsonb)
    {
        var dialect = StoreDialect.For(SqliteProvider, () => version);

        Assert.False(dialect.IsPostgreSql);
        Assert.Equal(jsonb, dialect.HasJsonb);
        Assert.Contains(jsonb ? "jsonb_each(@p)" : "json_each(@p)", dialect.JsonRows("@p", "j", [new("i", JsonColumnKind.Uuid)]), StringComparison.Ordinal);
    }

    [Fact]
    public void PostgreSql_is_chosen_without_asking_for_the_server_version()
    {
        var dialect = StoreDialect.For("Npgsql.EntityFrameworkCore.PostgreSQL", () => throw new InvalidOperationException("not asked"));

        Assert.Same(StoreDialect.PostgreSql, dialect);
    }

    [Fact]
    public async Task Both_sqlite_json_row_sets_give_the_same_values_and_types()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        Assert.True(Version.Parse(connection.ServerVersion) >= new Version(3, 45), "the bundled SQLite has jsonb_each");
        JsonColumn[] columns =
        [
            new("i", JsonColumnKind.Uuid), new("o", JsonColumnKind.Int32), new("l", JsonColumnKind.Int64), new("b", JsonColumnKind.Boolean),
            new("a", JsonColumnKind.Instant), new("r", JsonColumnKind.Text), new("missing", JsonColumnKind.Text),
        ];
        var guid = Guid.CreateVersion7();
        using var rows = new JsonRowsBuilder(StoreDialect.Sqlite);
        rows.StartRow().Add("i", guid).Add("o", 4L).Add("l", long.MaxValue).AddValue("b", true)
            .Add("a", new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(5)).Add("r", "quote \" backslash \\ ünïcode ✓").EndRow();
        rows.StartRow().Add("i", Guid.Empty).Add("o", -1L).Add("l", 0L).AddValue("b", false).Add("a", (DateTime?)null).Add("r", (string?)null).EndRow();
        var json = rows.Build();

        var plain = await ReadAsync(connection, StoreDialect.Sqlite.JsonRows("@p", "j", columns), json, columns.Length);
        var jsonb = await ReadAsync(connection, StoreDialect.SqliteWithJsonb.JsonRows("@p", "j", columns), json, columns.Length);

        Assert.Equal(plain, jsonb);
        Assert.Equal(
            [
                $"text:{guid.ToString().ToUpperInvariant()}", "integer:4", $"integer:{long.MaxValue}", "integer:1",
                "text:2025-03-01 12:00:00.0000005", "text:quote \" backslash \\ ünïcode ✓", "null:",
            ],
            plain[0]);
        Assert.Equal(["text:00000000-0000-0000-0000-000000000000", "integer:-1", "integer:0", "integer:0", "null:", "null:", "null:"], plain[1]);
    }

    private static async Task<List<string[]>> ReadAsync(SqliteConnection connection, string rowSet, string json, int columns)
    {
        await using var command = connection.CreateCommand();
        var typed = string.Join(", ", Enumerable.Range(0, columns).Select(i => $"typeof(c{i}) || ':' || coalesce(c{i}, '')"));
        var names = new[] { "i", "o", "l", "b", "a", "r", "missing" };
        command.CommandText = $"SELECT {typed} FROM (SELECT {string.Join(", ", names.Select((n, i) => $"j.{n} AS c{i}"))} FROM {rowSet})";
        command.Parameters.AddWithValue("@p", json);
        var result = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(Enumerable.Range(0, columns).Select(reader.GetString).ToArray());
        }

        return result;
    }
}
