using Microsoft.Extensions.DependencyInjection;
using StatusKit.Audit;
using StatusKit.Maintenance;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Audit;

/// <summary>
/// A page or window created without <c>CreatedBy</c> names who created it as its audit entry does (the signed-in admin
/// on the admin API); one that names its creator keeps that name.
/// </summary>
public sealed class CreatedByTests
{
    [Fact]
    public async Task APageCreatedWithoutCreatedBy_NamesTheCallerItsAuditEntryNames()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        var entry = Assert.Single((await kit.Get<AuditLog>().ListAsync(page.Id)).Entries);
        Assert.Equal(("alice", "alice"), (page.CreatedBy, entry.Actor));
    }

    [Fact]
    public async Task AWindowCreatedWithoutCreatedBy_NamesTheCaller()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var now = kit.Clock.GetUtcNow();

        var window = await kit.Get<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Upgrade", StartsAt = now.AddHours(1), EndsAt = now.AddHours(2), ComponentIds = [components[0].Id],
        });

        Assert.Equal("alice", window.CreatedBy);
    }

    [Fact]
    public async Task AGivenCreatedBy_IsKept()
    {
        await using var kit = new StatusKitHarness(services => services.AddSingleton<IAuditActorAccessor>(new FixedAuditActor("alice")));

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme", CreatedBy = "release-bot" });

        Assert.Equal("release-bot", page.CreatedBy);
    }

    [Fact]
    public async Task WithoutAnAccessor_TheHostsOwnCodeIsSystem()
    {
        await using var kit = new StatusKitHarness();

        var page = await kit.Pages.CreateAsync(new CreateStatusPage { Name = "Acme" });

        Assert.Equal("system", page.CreatedBy);
    }
}
