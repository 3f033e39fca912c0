using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using StatusKit.EntityFrameworkCore.Entities;
using StatusKit.EntityFrameworkCore.Storage;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.EntityFrameworkCore.Tests.Storage;

/// <summary>
/// On SQLite 3.44+ the store reads a result set as one JSON array (<see cref="RowReader.Select{T}"/>); it must
/// materialise exactly what reading the same rows one by one does, for every kind of column, in the same order.
/// </summary>
public sealed class RowReaderTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Comparable = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };
    private SqliteTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task JsonRows_OfEveryEntityWithEveryColumnKind_EqualTheRowsReadOneByOne()
    {
        var store = _database.CreateStore();
        var page = Samples.Page("json-rows", teamId: "team-a");
        await store.AddPageAsync(page, CancellationToken.None);
        var escaped = Samples.Component(page.Id, "Quote \" back\\slash\ttab\nline é ✓ 😀 \u0001") with
        {
            Description = "{\"looks\": [\"like\", \"json\"]}",
            GroupName = "Zürich / 東京",
            ServiceIdentifier = "svc-ü",
            Status = ComponentStatus.MajorOutage,
            StatusUpdatedAt = Samples.T0.AddTicks(1_234_567),
            ManualStatus = ComponentStatus.PartialOutage,
            ManualStatusExpiresAt = Samples.T0.AddDays(1),
        };
        var plain = Samples.Component(page.Id, "Plain", teamId: null, order: 1);
        await store.AddComponentAsync(escaped, CancellationToken.None);
        await store.AddComponentAsync(plain, CancellationToken.None);
        await store.AddMaintenanceWindowAsync(Samples.Window(page.Id, [escaped.Id, plain.Id], MaintenanceState.InProgress), [], CancellationToken.None);
        await store.AddSubscriberAsync(Samples.Subscriber(page.Id, "ops@example.com") with { IsActive = false }, [], CancellationToken.None);
        await store.AddSubscriberAsync(Samples.Subscriber(page.Id, "https://example.com/hook", SubscriberChannel.Webhook), [], CancellationToken.None);
        await store.ApplySignalAsync(
            new IncidentSignal
            {
                IncidentId = "INC-\"1\"", TeamId = "team-a", Priority = "Critical", State = PlatformIncidentState.Acknowledged,
                Version = long.MaxValue, OccurredAt = Samples.T0, Title = null,
            },
            CancellationToken.None);

        await AssertBothShapesReadTheSameAsync<PageEntity>();
        await AssertBothShapesReadTheSameAsync<ComponentEntity>(expectedCount: 2);
        await AssertBothShapesReadTheSameAsync<MaintenanceWindowEntity>(expectedCount: 1);
        await AssertBothShapesReadTheSameAsync<SubscriberEntity>(expectedCount: 2);
        await AssertBothShapesReadTheSameAsync<IncidentSignalEntity>(expectedCount: 1);
    }

    [Fact]
    public async Task JsonRows_OfNoRows_AreAnEmptyList()
    {
        var rows = await ReadAsync<ComponentEntity>(StoreDialect.SqliteWithJsonb, "WHERE 1 = 0");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task JsonRows_WithAValueMissing_AreRejected()
    {
        await using var context = _database.CreateContext();
        var entityType = context.Model.FindEntityType(typeof(PageEntity))!;

        var error = Assert.Throws<InvalidOperationException>(() => JsonRowMaterializer<PageEntity>.Compile(entityType).ReadInto("[[\"5A1C0E0B-2D44-4F5B-9C0A-6B1D2E3F4A5B\"]]"u8, []));

        Assert.Contains("fewer than", error.Message, StringComparison.Ordinal);
    }

    private async Task AssertBothShapesReadTheSameAsync<T>(int expectedCount = 1)
        where T : new()
    {
        var oneByOne = await ReadAsync<T>(StoreDialect.Sqlite, "");
        var json = await ReadAsync<T>(StoreDialect.SqliteWithJsonb, "");

        Assert.Equal(expectedCount, oneByOne.Count);
        Assert.Equal(JsonSerializer.Serialize(oneByOne, Comparable), JsonSerializer.Serialize(json, Comparable));
    }

    // Newest id first, so the order is the ORDER BY's and not the table's.
    private async Task<List<T>> ReadAsync<T>(StoreDialect dialect, string where)
        where T : new()
    {
        await using var context = _database.CreateContext();
        var entityType = context.Model.FindEntityType(typeof(T))!;
        var sql = RowReader.Select<T>(entityType, dialect, "t", $"FROM \"{entityType.GetTableName()}\" AS t {where}", $"t.\"{entityType.FindPrimaryKey()!.Properties[0].GetColumnName()}\" DESC");
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        return await RowReader.ReadAllAsync<T>(reader, entityType, dialect, CancellationToken.None);
    }
}
