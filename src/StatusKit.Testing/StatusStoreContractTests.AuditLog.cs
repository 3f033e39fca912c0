using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Model;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

// The audit log: a page's entries newest first, paged by a (time, id) cursor, filtered, pruned, and kept after the page.
public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddAuditEntry_ThenList_ReturnsItAsStored()
    {
        var page = await AddPageAsync();
        var entry = AuditEntry(page.Id, TestData.At(1), "component.updated", fields: ["name", "teamId"]);

        await Store.AddAuditEntryAsync(entry, None);
        var listed = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery(), None);

        var stored = Assert.Single(listed);
        Assert.Equal(entry.Id, stored.Id);
        Assert.Equal(entry.PageId, stored.PageId);
        StoreAssert.SameInstant(entry.OccurredAt, stored.OccurredAt);
        Assert.Equal(entry.Actor, stored.Actor);
        Assert.Equal(entry.Action, stored.Action);
        Assert.Equal(entry.TargetKind, stored.TargetKind);
        Assert.Equal(entry.TargetId, stored.TargetId);
        Assert.Equal(["name", "teamId"], stored.Fields);
    }

    [Fact]
    public async Task AddAuditEntry_WithATakenId_ThrowsConflictNamingId()
    {
        var page = await AddPageAsync();
        var entry = AuditEntry(page.Id, TestData.At(1), "page.updated");
        await Store.AddAuditEntryAsync(entry, None);

        var conflict = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddAuditEntryAsync(entry with { Action = "page.deleted" }, None));

        Assert.Equal("id", conflict.Field);
        Assert.Equal("page.updated", Assert.Single(await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery(), None)).Action);
    }

    [Fact]
    public async Task ListAuditEntries_IsNewestFirstByTimeThenId_AndOnlyThePagesOwn()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var sameInstant = TestData.At(5);
        var first = AuditEntry(page.Id, TestData.At(1), "page.created");
        var a = AuditEntry(page.Id, sameInstant, "component.created", id: IdAt(sameInstant, 1));
        var b = AuditEntry(page.Id, sameInstant, "component.created", id: IdAt(sameInstant, 2));
        var last = AuditEntry(page.Id, TestData.At(9), "component.updated");
        foreach (var entry in new[] { last, a, first, b, AuditEntry(other.Id, TestData.At(3), "page.created") })
        {
            await Store.AddAuditEntryAsync(entry, None);
        }

        var listed = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery(), None);

        Assert.Equal([last.Id, b.Id, a.Id, first.Id], listed.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAuditEntries_AfterACursor_ContinuesWhereThePreviousPageEnded_ThroughEntriesOfOneInstant()
    {
        var page = await AddPageAsync();
        var instant = TestData.At(5);
        var entries = Enumerable.Range(1, 5).Select(i => AuditEntry(page.Id, instant, "component.updated", id: IdAt(instant, i))).ToList();
        entries.Add(AuditEntry(page.Id, TestData.At(1), "page.created"));
        foreach (var entry in entries)
        {
            await Store.AddAuditEntryAsync(entry, None);
        }

        var seen = new List<Guid>();
        AuditLogCursor? cursor = null;
        for (var round = 0; round < 10; round++)
        {
            var batch = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery { After = cursor, Take = 2 }, None);
            seen.AddRange(batch.Select(e => e.Id));
            if (batch.Count < 2)
            {
                break;
            }

            cursor = AuditLogCursor.Of(batch[^1]);
        }

        Assert.Equal([entries[4].Id, entries[3].Id, entries[2].Id, entries[1].Id, entries[0].Id, entries[5].Id], seen);
    }

    [Fact]
    public async Task ListAuditEntries_FiltersByActionPrefixOrdinally_AndByTarget()
    {
        var page = await AddPageAsync();
        var target = Guid.NewGuid();
        var created = AuditEntry(page.Id, TestData.At(1), "component.created", targetId: target);
        var updated = AuditEntry(page.Id, TestData.At(2), "component.updated", targetId: target);
        var otherComponent = AuditEntry(page.Id, TestData.At(3), "component.updated");
        var reordered = AuditEntry(page.Id, TestData.At(4), "components.reordered");
        foreach (var entry in new[] { created, updated, otherComponent, reordered })
        {
            await Store.AddAuditEntryAsync(entry, None);
        }

        var byPrefix = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery { ActionPrefix = "component." }, None);
        var byUpperCasePrefix = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery { ActionPrefix = "Component." }, None);
        var byTarget = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery { TargetId = target }, None);
        var byBoth = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery { ActionPrefix = "component.updated", TargetId = target }, None);

        Assert.Equal([otherComponent.Id, updated.Id, created.Id], byPrefix.Select(e => e.Id));
        Assert.Empty(byUpperCasePrefix);
        Assert.Equal([updated.Id, created.Id], byTarget.Select(e => e.Id));
        Assert.Equal([updated.Id], byBoth.Select(e => e.Id));
    }

    [Fact]
    public async Task ListAuditEntries_TakesAtMostTake()
    {
        var page = await AddPageAsync();
        for (var i = 0; i < 4; i++)
        {
            await Store.AddAuditEntryAsync(AuditEntry(page.Id, TestData.At(i), "page.updated"), None);
        }

        Assert.Equal(3, (await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery { Take = 3 }, None)).Count);
    }

    [Fact]
    public async Task DeleteAuditEntries_DeletesOnEveryPageTheEntriesBeforeTheCutoff()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();
        var old = AuditEntry(page.Id, TestData.At(1), "page.created");
        var atTheCutoff = AuditEntry(page.Id, TestData.At(10), "page.updated");
        var recent = AuditEntry(page.Id, TestData.At(20), "page.updated");
        var otherOld = AuditEntry(other.Id, TestData.At(2), "page.created");
        foreach (var entry in new[] { old, atTheCutoff, recent, otherOld })
        {
            await Store.AddAuditEntryAsync(entry, None);
        }

        var deleted = await Store.DeleteAuditEntriesAsync(TestData.At(10), None);

        Assert.Equal(2, deleted);
        Assert.Equal([recent.Id, atTheCutoff.Id], (await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery(), None)).Select(e => e.Id));
        Assert.Empty(await Store.ListAuditEntriesAsync(other.Id, new AuditLogQuery(), None));
    }

    [Fact]
    public async Task DeletePage_KeepsItsAuditEntries()
    {
        var page = await AddPageAsync();
        var entry = AuditEntry(page.Id, TestData.At(1), "page.created");
        await Store.AddAuditEntryAsync(entry, None);

        await Store.DeletePageAsync(page.Id, null, None);

        Assert.Equal([entry.Id], (await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery(), None)).Select(e => e.Id));
    }

    [Fact]
    public async Task AuditEntries_ReturnedListsAreSnapshots()
    {
        var page = await AddPageAsync();
        await Store.AddAuditEntryAsync(AuditEntry(page.Id, TestData.At(1), "page.created"), None);
        var before = await Store.ListAuditEntriesAsync(page.Id, new AuditLogQuery(), None);

        await Store.AddAuditEntryAsync(AuditEntry(page.Id, TestData.At(2), "page.updated"), None);

        Assert.Single(before);
    }

    private static AuditEntry AuditEntry(
        Guid pageId, DateTimeOffset at, string action, Guid? targetId = null, Guid? id = null, IReadOnlyList<string>? fields = null) => new()
    {
        Id = id ?? Guid.CreateVersion7(at),
        PageId = pageId,
        OccurredAt = at,
        Actor = "alice@example.com",
        Action = action,
        TargetKind = action.Split('.')[0].TrimEnd('s'),
        TargetId = targetId ?? pageId,
        Fields = fields ?? [],
    };

    // Ids of one instant in a known order: the same time bits, the version and variant, then a counter, compared as Guid.CompareTo compares.
    private static Guid IdAt(DateTimeOffset at, int n)
    {
        var bytes = Guid.CreateVersion7(at).ToByteArray(bigEndian: true);
        Array.Clear(bytes, 6, 10);
        bytes[6] = 0x70;
        bytes[8] = 0x80;
        bytes[15] = (byte)n;
        return new Guid(bytes, bigEndian: true);
    }
}
