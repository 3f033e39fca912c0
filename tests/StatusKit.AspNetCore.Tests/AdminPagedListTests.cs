using System.Net;
using System.Net.Http.Json;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Testing;

using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The admin API's lists of a page's maintenance windows and subscribers read one page at a time with <c>skip</c> and
/// <c>take</c> (default 0 and 50, take at most 200), like its incidents list, the latest first.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminPagedListTests(SampleHostFactory factory)
{
    [Theory]
    [InlineData("maintenance?take=abc", "take")]
    [InlineData("maintenance?skip=-1x", "skip")]
    [InlineData("maintenance?skip=-1", "skip")]
    [InlineData("maintenance?take=0", "take")]
    [InlineData("maintenance?take=201", "take")]
    [InlineData("maintenance?state=bogus&take=5", "state")]
    [InlineData("subscribers?take=abc", "take")]
    [InlineData("subscribers?skip=-1", "skip")]
    [InlineData("subscribers?take=0", "take")]
    [InlineData("subscribers?take=201", "take")]
    [InlineData("incidents?take=201", "take")]
    public async Task A_bad_skip_or_take_of_a_list_is_a_problem_naming_it(string query, string field)
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await factory.PageIdAsync("demo");

        await AssertProblemAsync(await admin.GetAsync($"/status/admin/pages/{pageId}/{query}"), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task The_maintenance_list_pages_through_the_windows_latest_first_keeping_the_state_filter()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await NewPageAsync(admin);
        var store = factory.Service<IStatusStore>();
        var windows = new List<MaintenanceWindow>();
        foreach (var (state, minute) in new[]
                 {
                     (MaintenanceState.Completed, 100), (MaintenanceState.Cancelled, 400), (MaintenanceState.Cancelled, 200),
                     (MaintenanceState.Completed, 300), (MaintenanceState.Completed, 500),
                 })
        {
            // Closed windows only: the sample host's scheduler would move an open one.
            windows.Add(await store.AddMaintenanceWindowAsync(TestData.Window(pageId, [], state, TestData.At(minute)), [], CancellationToken.None));
        }

        var first = await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance?take=2");
        var second = await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance?skip=2&take=2");
        var third = await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance?skip=4&take=2");
        var all = await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance");
        var completed = await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance?state=completed&skip=1&take=1");

        Assert.Equal([windows[4].Id, windows[1].Id], first);
        Assert.Equal([windows[3].Id, windows[2].Id], second);
        Assert.Equal([windows[0].Id], third);
        Assert.Equal([.. first, .. second, .. third], all);
        Assert.Equal([windows[3].Id], completed);
    }

    [Fact]
    public async Task The_maintenance_list_answers_fifty_windows_unless_asked_for_more()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await NewPageAsync(admin);
        var store = factory.Service<IStatusStore>();
        for (var minute = 0; minute < 51; minute++)
        {
            await store.AddMaintenanceWindowAsync(TestData.Window(pageId, [], MaintenanceState.Completed, TestData.At(minute)), [], CancellationToken.None);
        }

        Assert.Equal(50, (await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance")).Count);
        Assert.Equal(51, (await IdsAsync(admin, $"/status/admin/pages/{pageId}/maintenance?take=200")).Count);
    }

    [Fact]
    public async Task The_subscriber_list_pages_through_the_subscribers_newest_first()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await NewPageAsync(admin);
        var store = factory.Service<IStatusStore>();
        var subscribers = new List<Subscriber>();
        foreach (var minute in new[] { 30, 10, 50, 20, 40 })
        {
            var subscriber = TestData.Subscriber(pageId, createdAt: TestData.At(minute));
            await store.AddSubscriberAsync(subscriber, [], CancellationToken.None);
            subscribers.Add(subscriber);
        }

        var first = await IdsAsync(admin, $"/status/admin/pages/{pageId}/subscribers?take=2");
        var second = await IdsAsync(admin, $"/status/admin/pages/{pageId}/subscribers?skip=2&take=2");
        var third = await IdsAsync(admin, $"/status/admin/pages/{pageId}/subscribers?skip=4");

        Assert.Equal([subscribers[2].Id, subscribers[4].Id], first);
        Assert.Equal([subscribers[0].Id, subscribers[3].Id], second);
        Assert.Equal([subscribers[1].Id], third);
    }

    [Fact]
    public async Task The_subscriber_list_answers_fifty_subscribers_unless_asked_for_more()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = await NewPageAsync(admin);
        var store = factory.Service<IStatusStore>();
        for (var minute = 0; minute < 51; minute++)
        {
            await store.AddSubscriberAsync(TestData.Subscriber(pageId, createdAt: TestData.At(minute)), [], CancellationToken.None);
        }

        Assert.Equal(50, (await IdsAsync(admin, $"/status/admin/pages/{pageId}/subscribers")).Count);
        Assert.Equal(51, (await IdsAsync(admin, $"/status/admin/pages/{pageId}/subscribers?take=200")).Count);
    }

    private static async Task<Guid> NewPageAsync(HttpClient admin)
    {
        var page = await ReadAsync(await admin.PostAsJsonAsync("/status/admin/pages", new { name = TestData.Unique("Paged lists") }), HttpStatusCode.Created);
        return page.GetProperty("id").GetGuid();
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient admin, string path)
    {
        var list = await ReadAsync(await admin.GetAsync(path), HttpStatusCode.OK);
        return [.. list.EnumerateArray().Select(item => item.GetProperty("id").GetGuid())];
    }
}
