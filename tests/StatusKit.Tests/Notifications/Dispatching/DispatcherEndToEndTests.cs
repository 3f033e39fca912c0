using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.Abstractions;
using StatusKit.Engine;
using StatusKit.InMemory;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>From an incident signal to the subscriber's inbox, through the engine as a host wires it.</summary>
public sealed class DispatcherEndToEndTests
{
    [Fact]
    public async Task CriticalIncident_NotifiesOutageOnce_AndResolvingItNotifiesResolvedOnce()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var intake = provider.GetRequiredService<IIncidentIntake>();
        var engine = provider.GetRequiredService<IStatusEngine>();
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var debounce = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.DebounceWindow;

        await intake.ReportIncidentAsync(Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()), ct);
        await engine.WhenIdleAsync(ct);

        Assert.Equal(ComponentStatus.MajorOutage, (await provider.GetRequiredService<ComponentService>().GetAsync(component.Id, ct))!.Status);
        var snapshot = await provider.GetRequiredService<IStatusPageReader>().GetSnapshotAsync(page.Id, ct);
        Assert.Equal(StatusIndicator.Critical, snapshot!.Status.Indicator);
        Assert.Equal(0, await dispatcher.RunOnceAsync(ct));

        clock.Advance(debounce);
        Assert.Equal(1, await dispatcher.RunOnceAsync(ct));
        var outage = Assert.Single(email.Delivered);
        Assert.Equal(NotificationEvents.Outage, outage.Content.Event);
        Assert.Equal(ComponentStatus.MajorOutage, outage.Content.NewStatus);

        clock.Advance(TimeSpan.FromMinutes(30));
        await intake.ReportIncidentAsync(Signal(2, PlatformIncidentState.Resolved, clock.GetUtcNow()), ct);
        await engine.WhenIdleAsync(ct);
        Assert.Equal(ComponentStatus.Operational, (await provider.GetRequiredService<ComponentService>().GetAsync(component.Id, ct))!.Status);
        clock.Advance(debounce);
        Assert.Equal(1, await dispatcher.RunOnceAsync(ct));

        Assert.Equal(2, email.Delivered.Count);
        Assert.Equal(NotificationEvents.Resolved, email.Delivered[1].Content.Event);
        Assert.Equal(0, await dispatcher.RunOnceAsync(ct));
    }

    [Fact]
    public async Task WithAPublicBaseAddress_ComponentNoticesLinkToTheStatusPage_AndIncidentNoticesToTheIncidentsPage()
    {
        var (provider, clock, email, page, component) = await WireAsync(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.example.com/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });
        var ct = CancellationToken.None;
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();

        await provider.GetRequiredService<IIncidentIntake>().ReportIncidentAsync(Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()), ct);
        await provider.GetRequiredService<IStatusEngine>().WhenIdleAsync(ct);
        var incident = await provider.GetRequiredService<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "We are investigating.", ComponentIds = [component.Id],
        }, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        Assert.Equal(
            [NotificationKind.ComponentStatusChanged, NotificationKind.StatusIncidentCreated],
            email.Delivered.Select(m => m.Content.Kind).Order());
        Assert.Equal("https://status.example.com/status/acme", email.Delivered.Single(m => m.Content.Kind == NotificationKind.ComponentStatusChanged).Content.Link);
        Assert.Equal(
            $"https://status.example.com/status/acme/incidents/{incident.Id}",
            email.Delivered.Single(m => m.Content.Kind == NotificationKind.StatusIncidentCreated).Content.Link);
    }

    [Fact]
    public async Task ForAPageWithACustomDomain_NoticesAndTheirUnsubscribeAndManageLinksPointAtThatDomain()
    {
        var (provider, clock, email, page, component) = await WireAsync(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.example.com/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
            o.LinkToCustomDomains = true;
        });
        var ct = CancellationToken.None;
        await provider.GetRequiredService<StatusPageService>().UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "Status.Acme.Example" }, ct);
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();

        await provider.GetRequiredService<IIncidentIntake>().ReportIncidentAsync(Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()), ct);
        await provider.GetRequiredService<IStatusEngine>().WhenIdleAsync(ct);
        var incident = await provider.GetRequiredService<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "We are investigating.", ComponentIds = [component.Id],
        }, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        var changed = email.Delivered.Single(m => m.Content.Kind == NotificationKind.ComponentStatusChanged);
        Assert.Equal("https://status.acme.example/", changed.Content.Link);
        Assert.Equal(
            $"https://status.acme.example/incidents/{incident.Id}",
            email.Delivered.Single(m => m.Content.Kind == NotificationKind.StatusIncidentCreated).Content.Link);
        Assert.StartsWith("https://status.acme.example/subscriptions/unsubscribe?token=", changed.UnsubscribeUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("https://status.acme.example/subscriptions/manage?token=", changed.ManageUrl!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForAPageWithACustomDomain_WithoutLinkToCustomDomains_NoticesLinkUnderThePublicBaseAddress()
    {
        var (provider, clock, email, page, component) = await WireAsync(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.example.com/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });
        var ct = CancellationToken.None;
        await provider.GetRequiredService<StatusPageService>().UpdateAsync(page.Id, new UpdateStatusPage { CustomDomain = "status.acme.example" }, ct);
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();

        await provider.GetRequiredService<IIncidentIntake>().ReportIncidentAsync(Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()), ct);
        await provider.GetRequiredService<IStatusEngine>().WhenIdleAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        var changed = email.Delivered.Single(m => m.Content.Kind == NotificationKind.ComponentStatusChanged);
        Assert.Equal("https://status.example.com/status/acme", changed.Content.Link);
        Assert.StartsWith("https://status.example.com/status/acme/subscriptions/unsubscribe?token=", changed.UnsubscribeUrl!.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("https://status.example.com/status/acme/subscriptions/manage?token=", changed.ManageUrl!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPublicBaseAddress_MaintenanceNoticesLinkToTheWindowsPage_AndToTheStatusPageOnceTheWindowIsDeleted()
    {
        var (provider, clock, email, page, component) = await WireAsync(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.example.com/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });
        var ct = CancellationToken.None;
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var maintenance = provider.GetRequiredService<MaintenanceService>();
        var start = clock.GetUtcNow().AddDays(2);

        var kept = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [component.Id],
        }, ct);
        var dropped = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Network work", StartsAt = start.AddDays(1), EndsAt = start.AddDays(1).AddHours(1), ComponentIds = [component.Id],
        }, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);
        await maintenance.DeleteAsync(dropped.Id, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        // The two scheduled notices are due at once and go out in either order.
        Assert.Equal(
            new[]
            {
                (NotificationKind.MaintenanceScheduled, kept.Id, $"https://status.example.com/status/acme/maintenance/{kept.Id}"),
                (NotificationKind.MaintenanceScheduled, dropped.Id, $"https://status.example.com/status/acme/maintenance/{dropped.Id}"),
                (NotificationKind.MaintenanceCancelled, dropped.Id, "https://status.example.com/status/acme"),
            }.Order(),
            email.Delivered.Select(m => (m.Content.Kind, m.Content.MaintenanceWindowId!.Value, m.Content.Link!)).Order());
    }

    [Fact]
    public async Task AMaintenanceNoticeToManySubscribers_ReadsItsWindowOncePerDispatchPass_NotOncePerSubscriber()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var (provider, clock, email, page, component) = await WireAsync(WithLinks, store);
        var ct = CancellationToken.None;
        await SubscribeMoreAsync(provider, page, 4);
        var start = clock.GetUtcNow().AddDays(2);
        var window = await provider.GetRequiredService<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [component.Id],
        }, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        var readsBefore = control.Calls(nameof(IStatusStore.GetMaintenanceWindowAsync));

        Assert.Equal(5, await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct));

        Assert.Equal(1, control.Calls(nameof(IStatusStore.GetMaintenanceWindowAsync)) - readsBefore);
        Assert.Equal(5, email.Delivered.Count);
        Assert.All(email.Delivered, m => Assert.Equal($"https://status.example.com/status/acme/maintenance/{window.Id}", m.Content.Link));
    }

    [Fact]
    public async Task TheNoticeOfAWindowsDeletion_LinksToTheStatusPage_WithoutReadingTheWindow()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var (provider, clock, email, page, component) = await WireAsync(WithLinks, store);
        var ct = CancellationToken.None;
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var maintenance = provider.GetRequiredService<MaintenanceService>();
        await SubscribeMoreAsync(provider, page, 2);
        var start = clock.GetUtcNow().AddDays(2);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [component.Id],
        }, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);
        await maintenance.DeleteAsync(window.Id, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        var readsBefore = control.Calls(nameof(IStatusStore.GetMaintenanceWindowAsync));

        Assert.Equal(3, await dispatcher.RunOnceAsync(ct));

        Assert.Equal(0, control.Calls(nameof(IStatusStore.GetMaintenanceWindowAsync)) - readsBefore);
        var cancelled = email.Delivered.Where(m => m.Content.Kind == NotificationKind.MaintenanceCancelled).ToArray();
        Assert.Equal(3, cancelled.Length);
        Assert.All(cancelled, m => Assert.Equal("https://status.example.com/status/acme", m.Content.Link));
    }

    [Fact]
    public async Task AWindowCancelledAndThenDeletedBeforeItsNoticesWentOut_SendsOnlyTheCancellation_LinkingToTheStatusPage()
    {
        var (provider, clock, email, page, component) = await WireAsync(WithLinks);
        var ct = CancellationToken.None;
        var maintenance = provider.GetRequiredService<MaintenanceService>();
        var start = clock.GetUtcNow().AddDays(2);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [component.Id],
        }, ct);
        await maintenance.CancelAsync(window.Id, ct);
        await maintenance.DeleteAsync(window.Id, ct); // a cancelled window's deletion tells nothing more

        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        // The announcement of a window that no longer exists is not sent; the cancellation is, for a subscriber who
        // may have been told of the window before.
        var sent = Assert.Single(email.Delivered);
        Assert.Equal((NotificationKind.MaintenanceCancelled, "https://status.example.com/status/acme"), (sent.Content.Kind, sent.Content.Link));
        Assert.Contains(
            await provider.GetRequiredService<IStatusStore>().ListNotificationsAsync(new NotificationQuery { SubscriberId = sent.Subscriber.Id }, ct),
            n => n.Content.Kind == NotificationKind.MaintenanceScheduled && n.State == NotificationState.Superseded);
    }

    [Fact]
    public async Task AWindowDeletedBeforeItsAnnouncementWentOut_SendsOnlyTheNoticeOfItsDeletion_EvenWithoutAPublicAddress()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var maintenance = provider.GetRequiredService<MaintenanceService>();
        var start = clock.GetUtcNow().AddDays(2);
        var window = await maintenance.CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [component.Id],
        }, ct);
        await maintenance.DeleteAsync(window.Id, ct);

        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        var sent = Assert.Single(email.Delivered);
        Assert.Equal(NotificationKind.MaintenanceCancelled, sent.Content.Kind);
        Assert.True(sent.Content.MaintenanceWindowDeleted);
    }

    [Fact]
    public async Task AFailedReadOfTheWindow_FailsOnlyTheSubscriberThatMadeIt_TheNextOneReadsAgain()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var (provider, clock, email, page, component) = await WireAsync(WithLinks, store, n => n.MaxConcurrency = 1);
        var ct = CancellationToken.None;
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        await SubscribeMoreAsync(provider, page, 1);
        var start = clock.GetUtcNow().AddDays(2);
        var window = await provider.GetRequiredService<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = start, EndsAt = start.AddHours(1), ComponentIds = [component.Id],
        }, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        var readsBefore = control.Calls(nameof(IStatusStore.GetMaintenanceWindowAsync));
        var failures = 1;
        control.Before = (method, _) => method == nameof(IStatusStore.GetMaintenanceWindowAsync) && Interlocked.Decrement(ref failures) == 0
            ? throw new InvalidOperationException("the store is down")
            : null;

        await dispatcher.RunOnceAsync(ct);

        Assert.Equal(2, control.Calls(nameof(IStatusStore.GetMaintenanceWindowAsync)) - readsBefore);
        Assert.Single(email.Delivered);
        await dispatcher.RunOnceAsync(ct); // the failed subscriber's row was released, and goes out now
        Assert.Equal(2, email.Delivered.Count);
        Assert.All(email.Delivered, m => Assert.Equal($"https://status.example.com/status/acme/maintenance/{window.Id}", m.Content.Link));
    }

    [Fact]
    public async Task AnIncidentNoticeToManySubscribers_ReadsItsIncidentOncePerDispatchPass_AndIsNotSentOnceTheIncidentIsDeleted()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var (provider, clock, email, page, component) = await WireAsync(WithLinks, store);
        var ct = CancellationToken.None;
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        await SubscribeMoreAsync(provider, page, 2);
        var kept = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "We are investigating.", ComponentIds = [component.Id],
        }, ct);
        var deleted = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Created by mistake", Message = "We are investigating.", ComponentIds = [component.Id],
        }, ct);
        Assert.True(await incidents.DeleteAsync(deleted.Id, ct));
        clock.Advance(TimeSpan.FromMinutes(1));
        var readsBefore = control.Calls(nameof(IStatusStore.GetStatusIncidentAsync));

        await dispatcher.RunOnceAsync(ct);

        Assert.Equal(2, control.Calls(nameof(IStatusStore.GetStatusIncidentAsync)) - readsBefore);
        var created = email.Delivered.Where(m => m.Content.Kind == NotificationKind.StatusIncidentCreated).ToArray();
        Assert.Equal(3, created.Length);
        Assert.All(created, m => Assert.Equal($"https://status.example.com/status/acme/incidents/{kept.Id}", m.Content.Link));
        Assert.DoesNotContain(email.Delivered, m => m.Content.StatusIncidentId == deleted.Id);
    }

    [Fact]
    public void AddStatusPages_RegistersOneDispatcher_AsItselfAndAsAHostedService_EvenWhenCalledTwice()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddStatusPages();
        builder.Services.AddStatusPages();
        using var host = builder.Build();

        var dispatcher = host.Services.GetRequiredService<NotificationDispatcher>();
        Assert.Same(dispatcher, Assert.Single(host.Services.GetServices<IHostedService>().OfType<NotificationDispatcher>()));
    }

    [Fact]
    public async Task TwoChangesWithinTheDebounce_SendOneMessage_FromTheStatusTheSubscriberLastHeardOf()
    {
        var (provider, clock, email, _, _) = await WireAsync();
        var ct = CancellationToken.None;
        var intake = provider.GetRequiredService<IIncidentIntake>();
        var engine = provider.GetRequiredService<IStatusEngine>();
        var debounce = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.DebounceWindow;

        // Operational -> Major Outage, then a minute later Major Outage -> Partial Outage: one message, after the second.
        await intake.ReportIncidentAsync(Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()), ct);
        await engine.WhenIdleAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await intake.ReportIncidentAsync(Signal(2, PlatformIncidentState.Acknowledged, clock.GetUtcNow(), priority: "High"), ct);
        await engine.WhenIdleAsync(ct);
        clock.Advance(debounce);
        Assert.Equal(1, await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct));

        // The subscriber never heard of the Major Outage, so the message must not say the component came from there.
        var message = Assert.Single(email.Delivered);
        Assert.Equal(ComponentStatus.Operational, message.Content.OldStatus);
        Assert.Equal(ComponentStatus.PartialOutage, message.Content.NewStatus);
        Assert.Equal("API changed from Operational to Partial Outage.", message.Content.Body);
    }

    /// <summary>
    /// The library as a host wires it, on a manual clock, with page "acme", its component "API" (team A) and one
    /// verified email subscriber whose messages the returned notifier records.
    /// </summary>
    /// <remarks>
    /// The provider is not disposed: StatusEngine.DisposeAsync is not idempotent, and the container disposes the engine
    /// twice (as StatusEngine and as the IStatusEngine factory's result), which throws ObjectDisposedException.
    /// </remarks>
    [Fact]
    public async Task AMaintenanceWindow_IsToldByItsOwnNotices_AndAnIncidentThatComesAndGoesWithinTheDebounceInsideItSendsNothing()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var intake = provider.GetRequiredService<IIncidentIntake>();
        var engine = provider.GetRequiredService<IStatusEngine>();
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var maintenance = provider.GetRequiredService<StatusKit.Maintenance.MaintenanceService>();
        var window = await maintenance.CreateAsync(new StatusKit.Maintenance.CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Database upgrade", StartsAt = clock.GetUtcNow().AddHours(3), EndsAt = clock.GetUtcNow().AddHours(4),
            ComponentIds = [component.Id],
        }, ct);
        await maintenance.StartNowAsync(window.Id, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        // Under Maintenance -> Major Outage, and a minute later back: the pending row ends where it started.
        await intake.ReportIncidentAsync(Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()), ct);
        await engine.WhenIdleAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await intake.ReportIncidentAsync(Signal(2, PlatformIncidentState.Resolved, clock.GetUtcNow()), ct);
        await engine.WhenIdleAsync(ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);
        await maintenance.CompleteNowAsync(window.Id, ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        Assert.Equal(
            new[] { NotificationKind.MaintenanceScheduled, NotificationKind.MaintenanceStarted, NotificationKind.MaintenanceCompleted }.Order(),
            email.Delivered.Select(m => m.Content.Kind).Order());
        Assert.Equal(ComponentStatus.Operational, (await provider.GetRequiredService<ComponentService>().GetAsync(component.Id, ct))!.Status);
    }

    [Fact]
    public async Task APostmortemRemovedBeforeItsNoticeWentOut_TellsNobody()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;

        await provider.GetRequiredService<StatusIncidentService>().PublishPostmortemAsync(incident.Id, "A bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await provider.GetRequiredService<StatusIncidentService>().RemovePostmortemAsync(incident.Id, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        Assert.Empty(email.Delivered.Skip(before));
        var notice = Assert.Single(
            await provider.GetRequiredService<IStatusStore>().ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, ct),
            n => n.Content.Kind == NotificationKind.StatusIncidentPostmortem);
        Assert.Equal(NotificationState.Superseded, notice.State);
    }

    [Fact]
    public async Task APostmortemRepublishedAfterItsRemoval_IsToldOnce_WithTheNewText()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;

        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.RemovePostmortemAsync(incident.Id, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy, and the canary we added.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        var sent = Assert.Single(email.Delivered.Skip(before));
        Assert.Equal(NotificationKind.StatusIncidentPostmortem, sent.Content.Kind);
        Assert.StartsWith("A bad deploy, and the canary we added.", sent.Content.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APostmortemRepublishedQuietlyAfterItsRemoval_DoesNotSendTheNoticeOfTheRemovedOne()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;

        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.RemovePostmortemAsync(incident.Id, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.PublishPostmortemAsync(incident.Id, "Something else entirely.", notifySubscribers: false, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        Assert.Empty(email.Delivered.Skip(before));
    }

    [Fact]
    public async Task APostmortemWhoseTextWasEditedQuietly_BeforeItsNoticeWentOut_IsStillTold_WithTheTextItWasPlannedWith()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;

        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy (typo fixed).", notifySubscribers: false, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        var sent = Assert.Single(email.Delivered.Skip(before));
        Assert.Equal("A bad deploy.\n\nAffected components: API", sent.Content.Body);
    }

    [Fact]
    public async Task APostmortemCorrectedWithNotify_WhileItsFirstNoticeIsQueued_IsToldOnce_WithTheCorrectedText()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;

        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.\n\nWe added a canary.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(1));
        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        var sent = Assert.Single(email.Delivered.Skip(before));
        Assert.Equal("A bad deploy.\n\nAffected components: API", sent.Content.Body);
        // The subscriber never saw the first text: the one notice it gets is the publication, not an update of it.
        Assert.Equal($"[{page.Name}] Postmortem: API errors", sent.Content.Subject);
        Assert.False(sent.Content.PostmortemUpdated);
        var notices = (await provider.GetRequiredService<IStatusStore>().ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, ct))
            .Where(n => n.Content.Kind == NotificationKind.StatusIncidentPostmortem);
        Assert.Equal(NotificationState.Delivered, Assert.Single(notices).State);
    }

    [Fact]
    public async Task APostmortemCorrectedOnlyBeyondItsExcerpt_AfterItsFirstNoticeWentOut_IsToldAsAnUpdate_NotAsTheSameNoticeAgain()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;
        var beginning = string.Join(' ', Enumerable.Repeat("word", PostmortemNotice.MaxExcerptLength / 5 + 10));

        await incidents.PublishPostmortemAsync(incident.Id, beginning + " The cause was a bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);
        await incidents.PublishPostmortemAsync(incident.Id, beginning + " The cause was a bad deploy and a missing canary.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        var sent = email.Delivered.Skip(before).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Equal(sent[0].Content.Body, sent[1].Content.Body); // the excerpt cannot show what changed
        Assert.Equal(
            [$"[{page.Name}] Postmortem: API errors", $"[{page.Name}] Postmortem updated: API errors"],
            sent.Select(m => m.Content.Subject));
        Assert.Equal([false, true], sent.Select(m => m.Content.PostmortemUpdated));
    }

    [Fact]
    public async Task APostmortemCorrectedWithNotify_AfterItsFirstNoticeWentOut_IsToldAgain()
    {
        var (provider, clock, email, page, component) = await WireAsync();
        var ct = CancellationToken.None;
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        var incident = await ResolvedQuietlyAsync(provider, clock, page, component);
        var before = email.Delivered.Count;

        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);
        await incidents.PublishPostmortemAsync(incident.Id, "A bad deploy and a missing canary.", notifySubscribers: true, cancellationToken: ct);
        clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.RunOnceAsync(ct);

        Assert.Equal(
            ["A bad deploy.", "A bad deploy and a missing canary."],
            email.Delivered.Skip(before).Select(m => m.Content.Body.Split("\n\n")[0]));
    }

    // A resolved incident whose own notices (its components' changes) went out before the postmortem.
    private static async Task<StatusIncident> ResolvedQuietlyAsync(ServiceProvider provider, ManualTimeProvider clock, StatusPage page, Component component)
    {
        var incidents = provider.GetRequiredService<StatusIncidentService>();
        var incident = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "API errors", Message = "m", ComponentIds = [component.Id], NotifySubscribers = false,
        });
        clock.Advance(TimeSpan.FromMinutes(30));
        var resolved = await incidents.ResolveAsync(incident.Id, "Fixed", notifySubscribers: false);
        clock.Advance(TimeSpan.FromDays(1));
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
        return resolved;
    }

    private static void WithLinks(StatusKit.Configuration.StatusPagesOptions options)
    {
        options.PublicBaseAddress = new Uri("https://status.example.com/status");
        options.LinkSigningKey = Convert.ToBase64String(new byte[32]);
    }

    /// <summary>Adds <paramref name="count"/> more verified email subscribers of every component and event.</summary>
    [Fact]
    public async Task AnOutageThatEndsWithinTheDebounce_IsNotToldLate_ToASubscriberOfOutagesAlone()
    {
        var (provider, clock, email, page, _) = await WireAsync();
        var ct = CancellationToken.None;
        await OnlyAsync(provider, page, "outages@example.com", NotificationEvents.Outage);
        var debounce = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.DebounceWindow;

        await ReportAsync(provider, Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(10));
        await ReportAsync(provider, Signal(2, PlatformIncidentState.Resolved, clock.GetUtcNow()));
        clock.Advance(debounce);
        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(ct);

        // The all-events subscriber's changes merged into a flap; the other's outage is over, and it would never hear so.
        Assert.Empty(email.Delivered);
    }

    [Fact]
    public async Task ASubscriberOfResolvedAlone_HearsOfEveryRecovery_AndOneOfOutagesAlone_OfEveryOutage()
    {
        var (provider, clock, email, page, _) = await WireAsync();
        var ct = CancellationToken.None;
        var resolved = await OnlyAsync(provider, page, "resolved@example.com", NotificationEvents.Resolved);
        var outages = await OnlyAsync(provider, page, "outages@example.com", NotificationEvents.Outage);
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();

        for (var round = 0; round < 2; round++)
        {
            await ReportAsync(provider, Signal((round * 2) + 1, PlatformIncidentState.Triggered, clock.GetUtcNow()));
            clock.Advance(TimeSpan.FromMinutes(10));
            await dispatcher.RunOnceAsync(ct);
            await ReportAsync(provider, Signal((round * 2) + 2, PlatformIncidentState.Resolved, clock.GetUtcNow()));
            clock.Advance(TimeSpan.FromMinutes(10));
            await dispatcher.RunOnceAsync(ct);
        }

        Assert.Equal(
            [ComponentStatus.Operational, ComponentStatus.Operational],
            email.Delivered.Where(m => m.Subscriber.Id == resolved.Id).Select(m => m.Content.NewStatus));
        Assert.Equal(
            [ComponentStatus.MajorOutage, ComponentStatus.MajorOutage],
            email.Delivered.Where(m => m.Subscriber.Id == outages.Id).Select(m => m.Content.NewStatus));
    }

    [Fact]
    public async Task OnlyASubscriberOfSomeEvents_CostsTheDispatcherAReadOfTheComponentsStatus()
    {
        var (store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var (provider, clock, email, page, _) = await WireAsync(store: store);
        var ct = CancellationToken.None;
        var dispatcher = provider.GetRequiredService<NotificationDispatcher>();
        await ReportAsync(provider, Signal(1, PlatformIncidentState.Triggered, clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromMinutes(10));

        var before = control.Calls(nameof(IStatusStore.GetComponentAsync));
        await dispatcher.RunOnceAsync(ct);
        var forAllEvents = control.Calls(nameof(IStatusStore.GetComponentAsync)) - before;
        await OnlyAsync(provider, page, "outages@example.com", NotificationEvents.Outage);
        await ReportAsync(provider, Signal(2, PlatformIncidentState.Resolved, clock.GetUtcNow()));
        await ReportAsync(provider, Signal(3, PlatformIncidentState.Triggered, clock.GetUtcNow().AddSeconds(1)));
        clock.Advance(TimeSpan.FromMinutes(10));
        before = control.Calls(nameof(IStatusStore.GetComponentAsync));
        await dispatcher.RunOnceAsync(ct);

        Assert.Single(email.Delivered, m => m.Content.Kind == NotificationKind.ComponentStatusChanged && m.Subscriber.Destination == "ops@example.com");
        Assert.Equal(0, forAllEvents);
        Assert.Equal(1, control.Calls(nameof(IStatusStore.GetComponentAsync)) - before);
    }

    private static async Task<Subscriber> OnlyAsync(ServiceProvider provider, StatusPage page, string destination, NotificationEvents events) =>
        (await provider.GetRequiredService<SubscriberService>().SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = destination, PreVerified = true, NotifyOn = events })).Subscriber;

    private static async Task ReportAsync(ServiceProvider provider, IncidentSignal signal)
    {
        await provider.GetRequiredService<IIncidentIntake>().ReportIncidentAsync(signal, CancellationToken.None);
        await provider.GetRequiredService<IStatusEngine>().WhenIdleAsync(CancellationToken.None);
    }

    private static async Task SubscribeMoreAsync(ServiceProvider provider, StatusPage page, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await provider.GetRequiredService<SubscriberService>().SubscribeAsync(
                new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = $"ops{i}@example.com", PreVerified = true });
        }
    }

    private static async Task<(ServiceProvider Provider, ManualTimeProvider Clock, RecordingNotifier Email, StatusPage Page, Component Component)> WireAsync(
        Action<StatusKit.Configuration.StatusPagesOptions>? configure = null,
        IStatusStore? store = null,
        Action<NotificationOptions>? notifications = null)
    {
        var clock = new ManualTimeProvider();
        var email = new RecordingNotifier(SubscriberChannel.Email);
        var services = new ServiceCollection().AddLogging();
        if (store is not null)
        {
            services.AddSingleton(store); // registered first, so AddStatusPages keeps it
        }

        if (notifications is not null)
        {
            services.Configure(notifications);
        }

        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<INotifier>(email);
        services.AddStatusPages(configure);
        var provider = services.BuildServiceProvider();
        var page = await provider.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        var component = await provider.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "A" });
        await provider.GetRequiredService<SubscriberService>().SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true });
        return (provider, clock, email, page, component);
    }

    private static IncidentSignal Signal(long version, PlatformIncidentState state, DateTimeOffset at, string priority = "Critical") => new()
    {
        IncidentId = "INC-1",
        TeamId = "A",
        Priority = priority,
        State = state,
        Version = version,
        OccurredAt = at,
        Title = "API down",
    };
}
