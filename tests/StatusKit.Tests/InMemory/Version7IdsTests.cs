using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Status;
using StatusKit.TestSupport.Contract;

namespace StatusKit.Tests.InMemory;

/// <summary>The in-memory store's history ids: RFC 9562 version 7, stamped with the change time, unique and ordered.</summary>
public sealed class Version7IdsTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public void Ids_AreVersion7WithTheRfcVariant_AndCarryTheirTimeInMilliseconds()
    {
        var ids = new Version7Ids();

        var id = ids.Next(At.AddTicks(9_999));

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        Assert.Equal(At.ToUnixTimeMilliseconds(), Convert.ToInt64(id.ToString("N")[..12], 16));
    }

    [Fact]
    public void IdsOfOneMillisecond_AreDistinct_AndSortInTheOrderTheyWereMade()
    {
        var ids = new Version7Ids();

        var made = Enumerable.Range(0, 10_000).Select(_ => ids.Next(At)).ToList();

        Assert.Equal(made.Count, made.Distinct().Count());
        Assert.Equal(made, made.Order());
        Assert.True(ids.Next(At.AddMilliseconds(1)).CompareTo(ids.Next(At)) > 0);
    }

    [Fact]
    public void TwoGenerators_StartFromDifferentRandomValues()
    {
        Assert.NotEqual(new Version7Ids().Next(At), new Version7Ids().Next(At));
    }

    [Fact]
    public void ATimeBefore1970_IsRefused_AsByGuidCreateVersion7()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Version7Ids().Next(DateTimeOffset.UnixEpoch.AddMilliseconds(-1)));
    }

    [Fact]
    public async Task HistoryRowsOfOneCommit_AtOneInstant_AreListedInTheOrderOfTheChanges()
    {
        var store = new InMemoryStatusStore();
        var page = TestData.Page();
        await store.AddPageAsync(page, CancellationToken.None);
        var components = new List<Model.Component>();
        for (var i = 0; i < 20; i++)
        {
            components.Add(TestData.Component(page.Id));
            await store.AddComponentAsync(components[^1], CancellationToken.None);
        }

        var changes = components.Select(c => new ComponentStatusChange(page.Id, c.Id, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(1), "incident")).ToList();
        await store.CommitStatusAsync(new StatusCommit(changes, []), CancellationToken.None);

        var history = await store.ListStatusHistoryAsync(page.Id, TestData.At(0), CancellationToken.None);
        Assert.Equal(components.Select(c => c.Id), history.Select(h => h.ComponentId));
    }
}
