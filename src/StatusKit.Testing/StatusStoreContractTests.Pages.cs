using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

// The facts are public for xunit, not for callers; each fact's name is its specification, so facts carry no XML doc.
#pragma warning disable CS1591
namespace StatusKit.Testing;

public abstract partial class StatusStoreContractTests
{
    [Fact]
    public async Task AddPage_ThenGetPage_ReturnsEveryField()
    {
        var page = TestData.Page() with
        {
            CreatedAt = new DateTimeOffset(2026, 1, 5, 10, 0, 0, 123, TimeSpan.FromHours(1)),
            UpdatedAt = new DateTimeOffset(2026, 1, 6, 11, 30, 15, 456, TimeSpan.FromHours(-5)),
        };

        await Store.AddPageAsync(page, None);
        var stored = await Store.GetPageAsync(page.Id, None);

        Assert.Equal(page, stored);
        Assert.Equal(page.CreatedAt.UtcTicks, stored!.CreatedAt.UtcTicks);
        Assert.Equal(page.UpdatedAt.UtcTicks, stored.UpdatedAt.UtcTicks);
    }

    [Fact]
    public async Task AddPage_WithNullableFieldsNull_RoundTripsNulls()
    {
        var page = TestData.Page(teamId: null) with { Description = null, AccessTokenHash = null, CreatedBy = null, IsPublic = true };

        await Store.AddPageAsync(page, None);

        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task GetPage_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetPageAsync(Guid.NewGuid(), None));
    }

    [Fact]
    public async Task GetPageBySlug_ExactSlug_ReturnsPage_OtherCaseReturnsNull()
    {
        var page = await AddPageAsync(slug: "acme-status");

        Assert.Equal(page, await Store.GetPageBySlugAsync("acme-status", None));
        Assert.Null(await Store.GetPageBySlugAsync("Acme-Status", None));
        Assert.Null(await Store.GetPageBySlugAsync("missing", None));
    }

    [Fact]
    public async Task ListPages_OrdersByName_AndFiltersByTeam()
    {
        var gamma = await AddPageAsync(name: "Gamma", teamId: "team-a");
        var alpha = await AddPageAsync(name: "Alpha", teamId: "team-b");
        var beta = await AddPageAsync(name: "Beta", teamId: "team-a");

        var all = await Store.ListPagesAsync(null, None);
        var teamA = await Store.ListPagesAsync("team-a", None);

        Assert.Equal([alpha.Id, beta.Id, gamma.Id], all.Select(p => p.Id));
        Assert.Equal([beta.Id, gamma.Id], teamA.Select(p => p.Id));
        Assert.Empty(await Store.ListPagesAsync("TEAM-A", None));
    }

    [Fact]
    public async Task AddPage_DuplicateSlug_ThrowsConflictNamingSlug()
    {
        var first = await AddPageAsync(slug: "acme");
        var second = TestData.Page(slug: "acme");

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(() => Store.AddPageAsync(second, None));

        Assert.Equal("slug", error.Field);
        Assert.Null(await Store.GetPageAsync(second.Id, None));
        Assert.Equal([first.Id], (await Store.ListPagesAsync(null, None)).Select(p => p.Id));
    }

    [Fact]
    public async Task AddPage_SlugDifferingOnlyInCase_IsAllowed()
    {
        await AddPageAsync(slug: "acme");

        await Store.AddPageAsync(TestData.Page(slug: "ACME"), None);

        Assert.Equal(2, (await Store.ListPagesAsync(null, None)).Count);
    }

    [Fact]
    public async Task UpdatePage_ReplacesFields()
    {
        var page = await AddPageAsync();
        var changed = page with
        {
            Name = "Renamed",
            Description = null,
            Slug = "renamed",
            IsPublic = true,
            AccessTokenHash = null,
            TeamId = "team-z",
            TimeZoneId = "America/New_York",
            UpdatedAt = TestData.At(30),
        };

        var returned = await Store.UpdatePageAsync(changed, None);

        Assert.Equal(changed with { Version = 2 }, returned);
        Assert.Equal(changed with { Version = 2 }, await Store.GetPageAsync(page.Id, None));
        Assert.Null(await Store.GetPageBySlugAsync(page.Slug, None));
        Assert.Equal(changed with { Version = 2 }, await Store.GetPageBySlugAsync("renamed", None));
    }

    [Fact]
    public async Task UpdatePage_Missing_ThrowsNotFound()
    {
        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Store.UpdatePageAsync(TestData.Page(), None));
    }

    [Fact]
    public async Task UpdatePage_SlugOfAnotherPage_ThrowsConflictNamingSlug_AndKeepsPage()
    {
        await AddPageAsync(slug: "taken");
        var page = await AddPageAsync(slug: "mine");

        var error = await Assert.ThrowsAsync<StatusKitConflictException>(
            () => Store.UpdatePageAsync(page with { Slug = "taken", Name = "Changed" }, None));

        Assert.Equal("slug", error.Field);
        Assert.Equal(page, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task TouchPage_LaterTime_MovesUpdatedAtThereAndChangesNothingElse()
    {
        var page = await AddPageAsync();
        var other = await AddPageAsync();

        Assert.True(await Store.TouchPageAsync(page.Id, TestData.At(30), None));

        Assert.Equal(page with { UpdatedAt = TestData.At(30) }, await Store.GetPageAsync(page.Id, None));
        Assert.Equal(other, await Store.GetPageAsync(other.Id, None));
    }

    [Fact]
    public async Task TouchPage_EarlierTime_NeverMovesUpdatedAtBack()
    {
        var page = await AddPageAsync();
        await Store.TouchPageAsync(page.Id, TestData.At(30), None);

        Assert.True(await Store.TouchPageAsync(page.Id, TestData.At(20), None));

        Assert.Equal(TestData.At(30), (await Store.GetPageAsync(page.Id, None))!.UpdatedAt);
    }

    [Fact]
    public async Task UpdatePage_WithAnEarlierUpdatedAtThanStored_KeepsTheStoredTime_SoTheTimeNeverMovesBack()
    {
        var page = await AddPageAsync();
        await Store.TouchPageAsync(page.Id, TestData.At(30), None);

        var returned = await Store.UpdatePageAsync(page with { Name = "Renamed", UpdatedAt = TestData.At(20) }, None);

        Assert.Equal(page with { Name = "Renamed", UpdatedAt = TestData.At(30), Version = 2 }, returned);
        Assert.Equal(returned, await Store.GetPageAsync(page.Id, None));
    }

    [Fact]
    public async Task TouchPage_AndUpdatePage_FromSeveralHostsAtOnce_LeaveTheLatestTimeOfAll()
    {
        var page = await AddPageAsync();
        // Edits from hosts whose clocks are behind, each reloading and retrying when another edit got in first, racing
        // touches with later times (another host's deletions): the page ends at the latest time any of them wrote.
        var edits = Enumerable.Range(1, 4).Select(i => Task.Run(async () =>
        {
            for (var current = page; ;)
            {
                try
                {
                    await Store.UpdatePageAsync(current with { Description = $"edit {i}", UpdatedAt = TestData.At(i) }, None);
                    return;
                }
                catch (StatusKitConcurrencyException)
                {
                    current = (await Store.GetPageAsync(page.Id, None))!;
                }
            }
        }));
        var touches = Enumerable.Range(10, 12).Select(minute => Task.Run(() => Store.TouchPageAsync(page.Id, TestData.At(minute), None)));

        await Task.WhenAll([.. edits, .. touches]);

        var stored = (await Store.GetPageAsync(page.Id, None))!;
        Assert.Equal(TestData.At(21), stored.UpdatedAt);
        Assert.Equal(5, stored.Version);
    }

    [Fact]
    public async Task TouchPage_Missing_ReturnsFalse()
    {
        Assert.False(await Store.TouchPageAsync(Guid.NewGuid(), TestData.At(30), None));
    }

    [Fact]
    public async Task DeletePage_Missing_ReturnsFalse()
    {
        Assert.False(await Store.DeletePageAsync(Guid.NewGuid(), null, None));
    }

    [Fact]
    public async Task DeletePage_RemovesEverythingOfThePage_AndNothingOfOtherPages()
    {
        var doomed = await AddPageAsync();
        var kept = await AddPageAsync();
        var seed = new List<(Component Component, MaintenanceWindow Window, StatusIncident Incident, Subscriber Subscriber, Notification Notification)>();
        foreach (var page in new[] { doomed, kept })
        {
            var component = await AddComponentAsync(page.Id);
            var window = await Store.AddMaintenanceWindowAsync(TestData.Window(page.Id, [component.Id]), [], None);
            var incident = TestData.Incident(page.Id);
            await Store.AddStatusIncidentAsync(incident, [], None);
            var subscriber = TestData.Subscriber(page.Id);
            await Store.AddSubscriberAsync(subscriber, [], None);
            var notification = TestData.Notification(page.Id, subscriber.Id);
            await Store.CommitStatusAsync(
                new StatusCommit([Change(component, ComponentStatus.Operational, ComponentStatus.MajorOutage, TestData.At(10))], [notification]),
                None);
            seed.Add((component, window, incident, subscriber, notification));
        }

        Assert.True(await Store.DeletePageAsync(doomed.Id, null, None));

        var gone = seed[0];
        Assert.Null(await Store.GetPageAsync(doomed.Id, None));
        Assert.Null(await Store.GetComponentAsync(gone.Component.Id, None));
        Assert.Null(await Store.GetMaintenanceWindowAsync(gone.Window.Id, None));
        Assert.Null(await Store.GetStatusIncidentAsync(gone.Incident.Id, None));
        Assert.Null(await Store.GetSubscriberAsync(gone.Subscriber.Id, None));
        Assert.Null(await Store.GetNotificationAsync(gone.Notification.Id, None));
        Assert.Empty(await Store.ListStatusHistoryAsync(doomed.Id, TestData.At(0), None));
        Assert.Empty(await Store.ListNotificationsAsync(new NotificationQuery { PageId = doomed.Id }, None));
        Assert.DoesNotContain(await Store.ListOpenMaintenanceWindowsAsync(None), w => w.PageId == doomed.Id);

        var other = seed[1];
        Assert.NotNull(await Store.GetPageAsync(kept.Id, None));
        Assert.NotNull(await Store.GetComponentAsync(other.Component.Id, None));
        Assert.NotNull(await Store.GetMaintenanceWindowAsync(other.Window.Id, None));
        Assert.NotNull(await Store.GetStatusIncidentAsync(other.Incident.Id, None));
        Assert.NotNull(await Store.GetSubscriberAsync(other.Subscriber.Id, None));
        Assert.NotNull(await Store.GetNotificationAsync(other.Notification.Id, None));
        Assert.Single(await Store.ListStatusHistoryAsync(kept.Id, TestData.At(0), None));
    }

    [Fact]
    public async Task DeletePage_ThenReuseSlug_Succeeds()
    {
        var page = await AddPageAsync(slug: "reused");
        await Store.DeletePageAsync(page.Id, null, None);

        var successor = TestData.Page(slug: "reused");
        await Store.AddPageAsync(successor, None);

        Assert.Equal(successor.Id, (await Store.GetPageBySlugAsync("reused", None))?.Id);
    }

    [Fact]
    public async Task AddPage_Null_ThrowsArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => Store.AddPageAsync(null!, None));
    }

    [Fact]
    public async Task AddPage_CancelledToken_ThrowsAndAddsNothing()
    {
        var page = TestData.Page();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AddPageAsync(page, cancellation.Token));

        Assert.Null(await Store.GetPageAsync(page.Id, None));
    }
}
