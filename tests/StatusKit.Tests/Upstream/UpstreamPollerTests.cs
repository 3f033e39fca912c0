using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Http;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using StatusKit.Upstream;

namespace StatusKit.Tests.Upstream;

public sealed class UpstreamPollerTests : IAsyncDisposable
{
    private const string GitHub = "https://www.githubstatus.com/api/v2/summary.json";
    private const string Stripe = "https://status.stripe.com/api/v2/summary.json";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeUpstream _upstream = new();
    private readonly ListLoggerProvider _logs = new();
    private readonly StatusKitHarness _kit;

    public UpstreamPollerTests()
    {
        _kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<IHttpClientFactory>(_upstream);
            services.AddSingleton<ILoggerProvider>(_logs);
            services.Configure<WebhookAddressGuardOptions>(o => o.AllowPrivateNetworks = true); // a webhook subscriber without DNS
        });
    }

    private UpstreamPoller Poller => _kit.Get<UpstreamPoller>();

    public async ValueTask DisposeAsync()
    {
        await _kit.DisposeAsync();
        _upstream.Dispose();
    }

    [Fact]
    public async Task UpstreamPageDegraded_DegradesTheComponent_ThroughTheEngine_AndItRecoversWithTheUpstream()
    {
        var (page, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "minor");

        await Poller.RunOnceAsync(None);
        var degraded = await ComponentAsync(component.Id);
        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        _upstream.Summary(GitHub, "none");
        await Poller.RunOnceAsync(None);
        var recovered = await ComponentAsync(component.Id);

        Assert.Equal((ComponentStatus.DegradedPerformance, ComponentStatus.DegradedPerformance), (degraded.Status, degraded.UpstreamStatus!.Value));
        Assert.Equal((ComponentStatus.Operational, ComponentStatus.Operational), (recovered.Status, recovered.UpstreamStatus!.Value));
        Assert.Equal(_kit.Clock.GetUtcNow(), recovered.UpstreamReadAt);
        Assert.Equal(component.Version, recovered.Version);
        var history = await _kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None);
        Assert.Equal(
            [(ComponentStatus.Operational, ComponentStatus.DegradedPerformance, "upstream status"), (ComponentStatus.DegradedPerformance, ComponentStatus.Operational, "upstream status")],
            history.Where(h => h.ComponentId == component.Id).OrderBy(h => h.At).Select(h => (h.OldStatus, h.NewStatus, h.Cause)));
        Assert.Equal(ComponentStatus.Operational, (await _kit.Reader.GetSnapshotAsync(page.Id, None))!.Components.Single().Status);
    }

    [Theory]
    [InlineData("major", ComponentStatus.PartialOutage)]
    [InlineData("critical", ComponentStatus.MajorOutage)]
    [InlineData("maintenance", ComponentStatus.UnderMaintenance)]
    public async Task WithoutAnUpstreamComponentId_TheUpstreamPagesIndicatorCounts(string indicator, ComponentStatus expected)
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, indicator);

        await Poller.RunOnceAsync(None);

        Assert.Equal(expected, (await ComponentAsync(component.Id)).Status);
    }

    [Fact]
    public async Task WithoutAnUpstreamComponentId_AnUpstreamMaintenanceInProgress_CountsAsUnderMaintenance()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Answer(GitHub, _ => FakeUpstream.Json(
            "{\"status\":{\"indicator\":\"none\"},\"components\":[],\"scheduled_maintenances\":[{\"id\":\"m1\",\"status\":\"in_progress\"}]}"));

        await Poller.RunOnceAsync(None);

        Assert.Equal(ComponentStatus.UnderMaintenance, (await ComponentAsync(component.Id)).Status);
    }

    [Fact]
    public async Task WithAnUpstreamComponentId_ThatComponentsStatusCounts_NotThePages()
    {
        var (_, actions) = await ThirdPartyAsync(GitHub, "br0l2tvcx85d");
        _upstream.Summary(GitHub, "major", null, ("8l4ygp009s5s", "major_outage"), ("br0l2tvcx85d", "degraded_performance"));

        await Poller.RunOnceAsync(None);

        Assert.Equal(ComponentStatus.DegradedPerformance, (await ComponentAsync(actions.Id)).Status);
    }

    [Fact]
    public async Task AnUpstreamComponentTheUpstreamPageDoesNotList_KeepsTheStatusLastRead_AndIsLogged()
    {
        var (_, component) = await ThirdPartyAsync(GitHub, "gone");
        _upstream.Summary(GitHub, "none", null, ("other", "operational"));

        await Poller.RunOnceAsync(None);

        var read = await ComponentAsync(component.Id);
        Assert.Equal(((ComponentStatus?)null, (DateTimeOffset?)null), (read.UpstreamStatus, read.UpstreamReadAt));
        Assert.True(_logs.Has(1046));
    }

    [Fact]
    public async Task UnreachableUpstream_KeepsTheStatusLastRead_AndWhenItWasRead()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "critical");
        await Poller.RunOnceAsync(None);
        var readAt = _kit.Clock.GetUtcNow();

        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        _upstream.Fail(GitHub);
        await Poller.RunOnceAsync(None);

        var read = await ComponentAsync(component.Id);
        Assert.Equal((ComponentStatus.MajorOutage, ComponentStatus.MajorOutage, readAt), (read.Status, read.UpstreamStatus!.Value, read.UpstreamReadAt!.Value));
        var logged = Assert.Single(_logs.Entries, e => e.EventId.Id == 1044);
        Assert.Contains(GitHub, logged.Message, StringComparison.Ordinal);
        Assert.Contains("Connection refused", logged.Message, StringComparison.Ordinal);
        Assert.Null(logged.Exception); // a vendor page being down is not StatusKit's fault: no stack trace every 5 minutes
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"status\":{}}")]
    [InlineData("{\"status\":{\"indicator\":\"purple\"}}")]
    public async Task ABodyThatIsNotASummary_KeepsTheStatusLastRead_AndIsLogged(string body)
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "major");
        await Poller.RunOnceAsync(None);

        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        _upstream.Answer(GitHub, _ => FakeUpstream.Json(body));
        await Poller.RunOnceAsync(None);

        Assert.Equal(ComponentStatus.PartialOutage, (await ComponentAsync(component.Id)).Status);
        Assert.True(_logs.Has(1045));
    }

    [Fact]
    public async Task AnErrorStatusOrABodyLargerThanTheCap_KeepsTheStatusLastRead()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "major");
        await Poller.RunOnceAsync(None);

        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        _upstream.Answer(GitHub, _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        await Poller.RunOnceAsync(None);
        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        _upstream.Answer(GitHub, _ => FakeUpstream.Json("{\"status\":{\"indicator\":\"none\"},\"pad\":\"" + new string('x', UpstreamPoller.MaxBodyBytes) + "\"}"));
        await Poller.RunOnceAsync(None);

        Assert.Equal(ComponentStatus.PartialOutage, (await ComponentAsync(component.Id)).Status);
        Assert.Equal((1, 1), (_logs.Count(1044), _logs.Count(1045)));
    }

    [Fact]
    public async Task AUrlStoredWithoutTheServicesChecks_IsNotFetched_AndTheOtherUpstreamsAreStillRead()
    {
        var (page, github) = await ThirdPartyAsync(GitHub);
        var plain = await _kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Plain" });
        await _kit.Store.UpdateComponentAsync(plain with { UpstreamUrl = "http://status.example.com/api/v2/summary.json" }, None);
        _upstream.Summary(GitHub, "minor");
        _upstream.Summary("http://status.example.com/api/v2/summary.json", "critical");

        await Poller.RunOnceAsync(None);

        Assert.Equal(0, _upstream.Requests("http://status.example.com/api/v2/summary.json"));
        Assert.Equal(ComponentStatus.Operational, (await ComponentAsync(plain.Id)).Status);
        Assert.Equal(ComponentStatus.DegradedPerformance, (await ComponentAsync(github.Id)).Status);
        Assert.True(_logs.Has(1044));
    }

    [Fact]
    public async Task TwoComponentsSharingOneUpstreamUrl_FetchItOncePerInterval()
    {
        var (page, actions) = await ThirdPartyAsync(GitHub, "br0l2tvcx85d");
        var pages = await _kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "GitHub Pages", UpstreamUrl = GitHub, UpstreamComponentId = "vg70hn9s2tyj" });
        var stripe = await _kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Stripe", UpstreamUrl = Stripe });
        _upstream.Summary(GitHub, "minor", null, ("br0l2tvcx85d", "partial_outage"), ("vg70hn9s2tyj", "operational"));
        _upstream.Summary(Stripe, "none");

        await Poller.RunOnceAsync(None);
        _kit.Clock.Advance(TimeSpan.FromMinutes(2));
        await Poller.RunOnceAsync(None);
        var withinTheInterval = _upstream.Requests(GitHub);
        _kit.Clock.Advance(TimeSpan.FromMinutes(3));
        await Poller.RunOnceAsync(None);

        Assert.Equal(1, withinTheInterval);
        Assert.Equal((2, 2), (_upstream.Requests(GitHub), _upstream.Requests(Stripe)));
        Assert.Equal(
            [ComponentStatus.PartialOutage, ComponentStatus.Operational, ComponentStatus.Operational],
            [(await ComponentAsync(actions.Id)).Status, (await ComponentAsync(pages.Id)).Status, (await ComponentAsync(stripe.Id)).Status]);
    }

    [Fact]
    public async Task ASecondHostWithinTheInterval_DoesNotFetchAgain_NorRecordTheReadTwice()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "minor");
        var otherHost = new UpstreamPoller(
            _kit.Store, _kit.Get<StatusEngine>(), _upstream, Options.Create(new StatusPagesOptions()), _kit.Clock, null, NullLogger<UpstreamPoller>.Instance);

        await Poller.RunOnceAsync(None);
        var read = await ComponentAsync(component.Id);
        _kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await otherHost.RunOnceAsync(None);

        Assert.Equal(1, _upstream.Requests(GitHub));
        Assert.Equal(read.UpstreamReadAt, (await ComponentAsync(component.Id)).UpstreamReadAt);
        Assert.Equal(1, _kit.StoreControl.Calls(nameof(Abstractions.IStatusStore.RecordUpstreamStatusAsync)));
    }

    [Theory]
    [InlineData("none", ComponentStatus.DegradedPerformance)]
    [InlineData("major", ComponentStatus.Operational)]
    public async Task AHostThatRecordedAReadingAndStoppedBeforeItsRecompute_TheNextPassOfAnotherHostPutsTheStatusRight(
        string before, ComponentStatus expected)
    {
        var (page, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, before);
        await Poller.RunOnceAsync(None);
        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        var read = await ComponentAsync(component.Id);

        // Host A reads the upstream's change and records it, then stops for good before it recomputes.
        Assert.True(await _kit.Store.RecordUpstreamStatusAsync(read.Id, read.Version, read.UpstreamReadAt, expected, _kit.Clock.GetUtcNow(), None));
        _kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await Poller.RunOnceAsync(None);

        var now = await ComponentAsync(component.Id);
        Assert.Equal(1, _upstream.Requests(GitHub)); // the URL was read within the interval: not fetched again
        Assert.Equal((expected, expected), (now.Status, now.UpstreamStatus!.Value));
        var history = await _kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None);
        Assert.Equal("upstream status", history.Where(h => h.ComponentId == component.Id).MaxBy(h => h.At)!.Cause);
        Assert.Equal(expected, (await _kit.Reader.GetSnapshotAsync(page.Id, None))!.Components.Single().Status);
    }

    [Fact]
    public async Task APassWhoseComponentsShowTheirUpstreamStatus_LoadsNoStatusInputs()
    {
        await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "minor");
        await Poller.RunOnceAsync(None);
        var loads = _kit.StoreControl.Calls(nameof(Abstractions.IStatusStore.LoadStatusInputsAsync));
        var recomputes = _kit.Get<StatusEngine>().RecomputeCount;

        _kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await Poller.RunOnceAsync(None);

        Assert.Equal(loads, _kit.StoreControl.Calls(nameof(Abstractions.IStatusStore.LoadStatusInputsAsync)));
        Assert.Equal(recomputes, _kit.Get<StatusEngine>().RecomputeCount);
    }

    [Fact]
    public async Task AComponentWorseThanItsUpstreamForReasonsOfItsOwn_IsCheckedOncePerPass_AndNotRecomputed()
    {
        var (page, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "minor");
        await _kit.Components.SetManualStatusAsync(component.Id, ComponentStatus.MajorOutage);
        await Poller.RunOnceAsync(None);
        var loads = _kit.StoreControl.Calls(nameof(Abstractions.IStatusStore.LoadStatusInputsAsync));
        var history = await _kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None);

        _kit.Clock.Advance(TimeSpan.FromMinutes(1));
        await Poller.RunOnceAsync(None);

        Assert.Equal(loads + 1, _kit.StoreControl.Calls(nameof(Abstractions.IStatusStore.LoadStatusInputsAsync)));
        Assert.Equal(ComponentStatus.MajorOutage, (await ComponentAsync(component.Id)).Status);
        Assert.Equal(history.Count, (await _kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None)).Count);
    }

    [Fact]
    public async Task AManualStatusThatExpiredAndWasNotEndedYet_IsLeftToItsExpiry_WhichRecordsTheChangeAtTheExpiry()
    {
        var (page, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "none");
        await Poller.RunOnceAsync(None);
        var expiresAt = _kit.Clock.GetUtcNow().AddMinutes(10);
        await _kit.Components.SetManualStatusAsync(component.Id, ComponentStatus.MajorOutage, expiresAt);
        _kit.Clock.Advance(TimeSpan.FromMinutes(12));

        await Poller.RunOnceAsync(None);
        var afterThePass = (await ComponentAsync(component.Id)).Status;
        await _kit.Get<ManualStatusExpiry>().RunOnceAsync(None);

        Assert.Equal(ComponentStatus.MajorOutage, afterThePass);
        var last = (await _kit.Store.ListStatusHistoryAsync(page.Id, DateTimeOffset.MinValue, None))[^1];
        Assert.Equal((ComponentStatus.Operational, "manual status expired", expiresAt), (last.NewStatus, last.Cause, last.At));
    }

    [Fact]
    public async Task TheNextFetch_AsksIfNoneMatch_AndANotModifiedAnswerCountsAsARead()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "major", etag: "\"v1\"");
        await Poller.RunOnceAsync(None);

        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await Poller.RunOnceAsync(None);

        Assert.Equal([null, "\"v1\""], _upstream.IfNoneMatch);
        var read = await ComponentAsync(component.Id);
        Assert.Equal((ComponentStatus.PartialOutage, _kit.Clock.GetUtcNow()), (read.Status, read.UpstreamReadAt!.Value));
    }

    [Fact]
    public async Task AnActiveManualStatus_StillWinsOverTheUpstreamStatus()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        await _kit.Components.SetManualStatusAsync(component.Id, ComponentStatus.MajorOutage);
        _upstream.Summary(GitHub, "minor");

        await Poller.RunOnceAsync(None);

        Assert.Equal(ComponentStatus.MajorOutage, (await ComponentAsync(component.Id)).Status);
    }

    [Fact]
    public async Task AnUpstreamStatusChange_NotifiesTheComponentsSubscribers()
    {
        var (page, component) = await ThirdPartyAsync(GitHub);
        await _kit.Subscribers.SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Webhook, Destination = "http://127.0.0.1:9/status-hook", PreVerified = true,
        });
        _upstream.Summary(GitHub, "critical");

        await Poller.RunOnceAsync(None);

        var notices = await _kit.Store.ListNotificationsAsync(new NotificationQuery { PageId = page.Id }, None);
        Assert.Contains(notices, n => n.Content.Event == NotificationEvents.Outage && n.Content.ComponentId == component.Id);
    }

    [Fact]
    public async Task ClearingTheUpstream_DropsItsStatus_AndTheComponentIsNoLongerRead()
    {
        var (_, component) = await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "critical");
        await Poller.RunOnceAsync(None);

        var cleared = await _kit.Components.UpdateAsync(component.Id, new UpdateComponent { UpstreamUrl = "" });
        _kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await Poller.RunOnceAsync(None);

        Assert.Equal((ComponentStatus.Operational, (ComponentStatus?)null), (cleared.Status, cleared.UpstreamStatus));
        Assert.Equal(1, _upstream.Requests(GitHub));
    }

    [Fact]
    public void Options_UpstreamPollInterval_DefaultsToFiveMinutes_AndMustBeAtLeastAMinute()
    {
        var validator = new StatusPagesOptionsValidator();

        Assert.Equal(TimeSpan.FromMinutes(5), new StatusPagesOptions().UpstreamPollInterval);
        Assert.True(validator.Validate(null, new StatusPagesOptions { UpstreamPollInterval = TimeSpan.FromMinutes(1) }).Succeeded);
        Assert.Contains(
            validator.Validate(null, new StatusPagesOptions { UpstreamPollInterval = TimeSpan.FromSeconds(59) }).Failures ?? [],
            f => f.StartsWith("UpstreamPollInterval:", StringComparison.Ordinal));
        Assert.Contains(
            validator.Validate(null, new StatusPagesOptions { UpstreamPollInterval = TimeSpan.FromDays(2) }).Failures ?? [],
            f => f.StartsWith("UpstreamPollInterval:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheHostedLoop_ReadsAtStart_ThenOncePerInterval_OnTheInjectedClock()
    {
        await ThirdPartyAsync(GitHub);
        _upstream.Summary(GitHub, "none");
        var poller = Poller;

        await poller.StartAsync(None);
        try
        {
            await poller.WhenIdleAsync(None);
            var atStart = _upstream.Requests(GitHub);
            _kit.Clock.Advance(TimeSpan.FromMinutes(4));
            await poller.WhenIdleAsync(None);
            var beforeTheInterval = _upstream.Requests(GitHub);
            _kit.Clock.Advance(TimeSpan.FromMinutes(1));
            await poller.WhenIdleAsync(None);

            Assert.Equal((1, 1, 2), (atStart, beforeTheInterval, _upstream.Requests(GitHub)));
        }
        finally
        {
            await poller.StopAsync(None);
        }
    }

    [Fact]
    public void AddStatusPages_RegistersOnePollerAsAHostedService_EvenWhenCalledTwice()
    {
        var services = new ServiceCollection();
        services.AddStatusPages();
        services.AddStatusPages();

        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationFactory is not null
            && d.ImplementationFactory.Method.ReturnType == typeof(UpstreamPoller));
    }

    [Fact]
    public async Task ASlowUpstream_DoesNotHoldUpTheOthers_TheyAreFetchedAtOnce()
    {
        var (page, github) = await ThirdPartyAsync(GitHub);
        var stripe = await _kit.Components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "Stripe", UpstreamUrl = Stripe });
        using var stripeAsked = new ManualResetEventSlim();
        // GitHub answers only once Stripe was asked: fetched one after the other, GitHub would give up first (a real-time
        // bound of 10 s, which only a failing run waits out) and stay Operational.
        _upstream.Answer(GitHub, _ => stripeAsked.Wait(TimeSpan.FromSeconds(10))
            ? FakeUpstream.Json(FakeUpstream.SummaryJson("major"))
            : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        _upstream.Answer(Stripe, _ =>
        {
            stripeAsked.Set();
            return FakeUpstream.Json(FakeUpstream.SummaryJson("minor"));
        });

        await Poller.RunOnceAsync(None);

        Assert.Equal(
            [ComponentStatus.PartialOutage, ComponentStatus.DegradedPerformance],
            [(await ComponentAsync(github.Id)).Status, (await ComponentAsync(stripe.Id)).Status]);
    }

    private async Task<(StatusPage Page, Component Component)> ThirdPartyAsync(string url, string? upstreamComponentId = null)
    {
        var (page, _) = await _kit.CreatePageAsync(StatusKit.Testing.TestData.Unique("Acme"));
        var component = await _kit.Components.CreateAsync(new CreateComponent
        {
            PageId = page.Id, Name = "GitHub", UpstreamUrl = url, UpstreamComponentId = upstreamComponentId,
        });
        return (page, component);
    }

    private async Task<Component> ComponentAsync(Guid id) => (await _kit.Components.GetAsync(id))!;
}
