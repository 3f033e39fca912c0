using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.InMemory;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Configuration;
using StatusKit.Diagnostics;
using StatusKit.Services;
using StatusKit.Status;
using StatusKit.TestSupport.Fakes;
using StatusKit.Testing;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>An in-memory store with one page, a manual clock at <see cref="TestData.T0"/> and dispatchers over them (jitter 0).</summary>
internal sealed class DispatcherHarness
{
    public static readonly CancellationToken None = CancellationToken.None;

    private DispatcherHarness(StatusPage page)
    {
        Page = page;
        Instruments = new StatusKitInstruments(Meters, Clock);
    }

    public InMemoryStatusStore Store { get; } = new();

    public ManualTimeProvider Clock { get; } = new(TestData.T0);

    public NotificationOptions Settings { get; } = new() { RetryJitter = 0 };

    /// <summary>The options the dispatchers build subscribers' links from (none by default: no public address, no key).</summary>
    public StatusPagesOptions LinkOptions { get; } = new();

    public ListLoggerProvider Logger { get; } = new();

    /// <summary>The meter factory of the dispatchers' instruments (a <c>MetricCollector</c> on it hears this harness only).</summary>
    public TestMeterFactory Meters { get; } = new();

    private StatusKitInstruments Instruments { get; }

    public StatusPage Page { get; }

    public static async Task<DispatcherHarness> CreateAsync()
    {
        var harness = new DispatcherHarness(TestData.Page());
        await harness.Store.AddPageAsync(harness.Page, None);
        return harness;
    }

    public NotificationDispatcher Dispatcher(params INotifier[] notifiers) => Dispatcher(new Random(7), notifiers);

    public NotificationDispatcher Dispatcher(Random random, params INotifier[] notifiers) => DispatcherOver(Store, random, notifiers);

    /// <summary>A dispatcher over <paramref name="store"/> (this harness's store wrapped, say) with the harness's settings.</summary>
    public NotificationDispatcher DispatcherOver(IStatusStore store, Random random, params INotifier[] notifiers) =>
        new(store, notifiers, new SubscriberLinks(Microsoft.Extensions.Options.Options.Create(LinkOptions)), Microsoft.Extensions.Options.Options.Create(Settings), Clock, null, Logger.CreateLogger<NotificationDispatcher>(), new StatusKit.Health.BackgroundWorkHealth(), Instruments, random);

    public async Task<Subscriber> SubscriberAsync(SubscriberChannel channel = SubscriberChannel.Email, bool verified = true, bool active = true)
    {
        var subscriber = TestData.Subscriber(Page.Id, channel) with { IsVerified = verified, IsActive = active };
        await Store.AddSubscriberAsync(subscriber, [], None);
        return subscriber;
    }

    /// <summary>A component-change row for <paramref name="subscriber"/>, due now unless told otherwise.</summary>
    /// <summary>A change at the clock's time as the engine plans it: due after the debounce window, held back at most the longest delay.</summary>
    public Notification DebouncedChange(Subscriber subscriber, ComponentStatus newStatus, Guid componentId)
    {
        var now = Clock.GetUtcNow();
        return Change(subscriber, newStatus, componentId, dueAt: now + Settings.DebounceWindow, notAfter: now + Settings.MaxDebounceDelay);
    }

    public Notification Change(
        Subscriber subscriber,
        ComponentStatus newStatus = ComponentStatus.MajorOutage,
        Guid? componentId = null,
        DateTimeOffset? at = null,
        DateTimeOffset? dueAt = null,
        DateTimeOffset? notAfter = null,
        bool coalesce = true)
    {
        var component = componentId ?? Guid.NewGuid();
        var when = at ?? Clock.GetUtcNow();
        return new Notification
        {
            Id = Guid.CreateVersion7(when),
            PageId = Page.Id,
            SubscriberId = subscriber.Id,
            Channel = subscriber.Channel,
            DeduplicationKey = TestData.Unique("dedup"),
            CoalesceKey = coalesce ? NotificationPlanner.CoalesceKey(subscriber.Id, component) : null,
            Content = new NotificationContent
            {
                Kind = NotificationKind.ComponentStatusChanged,
                Event = NotificationEventClassifier.Classify(newStatus),
                Subject = $"API: {newStatus.ToDisplayName()}",
                Body = $"API is now {newStatus.ToDisplayName()}.",
                PageName = Page.Name,
                PageSlug = Page.Slug,
                ComponentId = component,
                ComponentName = $"Component {component.ToString()[..4]}",
                OldStatus = ComponentStatus.Operational,
                NewStatus = newStatus,
                OccurredAt = when,
            },
            CreatedAt = when,
            DueAt = dueAt ?? when,
            NotAfter = notAfter,
        };
    }

    /// <summary>
    /// A row of another kind (verification, incident notice) for <paramref name="subscriber"/>, due now; a verification
    /// carries the subscriber's current token.
    /// </summary>
    public Notification Notice(Subscriber subscriber, NotificationKind kind) => Change(subscriber, coalesce: false) with
    {
        DeduplicationKey = kind == NotificationKind.SubscriptionVerification
            ? VerificationKey.For(subscriber.Id, subscriber.VerifyTokenHash!)
            : TestData.Unique("dedup"),
        Content = Change(subscriber).Content with { Kind = kind, ComponentId = null, ComponentName = null, OldStatus = null, NewStatus = null, Subject = kind.ToString() },
    };

    public async Task<Notification> EnqueueAsync(Notification row)
    {
        await Store.EnqueueNotificationsAsync([row], None);
        return row;
    }

    public async Task<Notification> GetAsync(Guid id) => (await Store.GetNotificationAsync(id, None))!;

    public async Task<IReadOnlyList<Notification>> AllAsync(NotificationState? state = null) =>
        await Store.ListNotificationsAsync(new NotificationQuery { State = state, Take = 100_000 }, None);
}
