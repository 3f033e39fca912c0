using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.Abstractions;
using StatusKit.Hosting;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.Tests.Hosting;

/// <summary>Subscriptions never confirmed are deleted once their token has been expired for the retention; confirmed ones stay.</summary>
public sealed class UnverifiedSubscriberCleanupTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Default options: the token lasts 48 hours and an unconfirmed subscription is kept 5 days after that.
    private static readonly TimeSpan DeletedAfter = TimeSpan.FromHours(48) + TimeSpan.FromDays(5);

    [Fact]
    public async Task TheHostedLoop_DeletesAnUnconfirmedSubscriptionOnceItsTokenWasExpiredForTheRetention_AndKeepsConfirmedOnes()
    {
        var logs = new ListLoggerProvider();
        await using var kit = Kit(logs);
        var (page, _) = await kit.CreatePageAsync("Acme");
        var unconfirmed = await kit.Subscribers.SubscribeAsync(Request(page.Id, "late@example.com"));
        var confirmed = await kit.Subscribers.SubscribeAsync(Request(page.Id, "ops@example.com") with { PreVerified = true });
        var cleanup = kit.Get<UnverifiedSubscriberCleanup>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await cleanup.StartAsync(None);
        await cleanup.WhenIdleAsync(timeout.Token);

        kit.Clock.Advance(DeletedAfter - TimeSpan.FromHours(1));
        await cleanup.WhenIdleAsync(timeout.Token);
        var beforeTheRetentionEnded = await kit.Subscribers.GetAsync(unconfirmed.Subscriber.Id);
        kit.Clock.Advance(UnverifiedSubscriberCleanup.Interval + TimeSpan.FromHours(1));
        await cleanup.WhenIdleAsync(timeout.Token);

        Assert.NotNull(beforeTheRetentionEnded);
        Assert.Null(await kit.Subscribers.GetAsync(unconfirmed.Subscriber.Id));
        Assert.NotNull(await kit.Subscribers.GetAsync(confirmed.Subscriber.Id));
        Assert.Equal(1, logs.Count(1017));
        await cleanup.StopAsync(None);
    }

    [Fact]
    public async Task AnUnconfirmedSubscriptionThatAskedAgain_CountsFromItsFreshToken()
    {
        await using var kit = Kit(new ListLoggerProvider());
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await kit.Subscribers.SubscribeAsync(Request(page.Id, "late@example.com"));
        kit.Clock.Advance(DeletedAfter - TimeSpan.FromDays(1));
        await kit.Subscribers.SubscribeAsync(Request(page.Id, "late@example.com"));
        kit.Clock.Advance(TimeSpan.FromDays(2));

        var removed = await kit.Get<UnverifiedSubscriberCleanup>().RunOnceAsync(None);

        Assert.Equal(0, removed);
        Assert.NotNull(await kit.Subscribers.GetAsync(first.Subscriber.Id));
    }

    [Fact]
    public async Task AFailingStore_IsLogged_AndThePassIsTriedAgainAfterTheRetryDelay()
    {
        var logs = new ListLoggerProvider();
        await using var kit = Kit(logs);
        var (page, _) = await kit.CreatePageAsync("Acme");
        var unconfirmed = await kit.Subscribers.SubscribeAsync(Request(page.Id, "late@example.com"));
        kit.Clock.Advance(DeletedAfter + TimeSpan.FromDays(1));
        var failing = true;
        kit.StoreControl.Before = (method, _) => failing && method == nameof(IStatusStore.DeleteUnverifiedSubscribersAsync)
            ? throw new TimeoutException("the database is down")
            : null;
        var cleanup = kit.Get<UnverifiedSubscriberCleanup>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await cleanup.StartAsync(None);
        await cleanup.WhenIdleAsync(timeout.Token);
        var failure = Assert.Single(logs.Entries, e => e.EventId.Id == 1018);
        failing = false;

        kit.Clock.Advance(UnverifiedSubscriberCleanup.RetryDelay);
        await cleanup.WhenIdleAsync(timeout.Token);

        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.IsType<TimeoutException>(failure.Exception);
        Assert.Null(await kit.Subscribers.GetAsync(unconfirmed.Subscriber.Id));
        await cleanup.StopAsync(None);
    }

    [Fact]
    public async Task StoppingTheHostDuringAPass_EndsTheLoopWithoutLoggingAFailure()
    {
        var logs = new ListLoggerProvider();
        await using var kit = Kit(logs);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        kit.StoreControl.Before = (method, args) =>
        {
            if (method != nameof(IStatusStore.DeleteUnverifiedSubscribersAsync))
            {
                return null;
            }

            entered.TrySetResult();
            return never.Task.WaitAsync((CancellationToken)args[^1]!);
        };
        var cleanup = kit.Get<UnverifiedSubscriberCleanup>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await cleanup.StartAsync(None);
        await entered.Task.WaitAsync(timeout.Token);

        await cleanup.StopAsync(None);

        Assert.True(cleanup.ExecuteTask!.IsCompletedSuccessfully);
        Assert.False(logs.Has(1018));
    }

    [Fact]
    public async Task AddStatusPages_RegistersTheCleanUpAsAHostedService()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStatusPages();
        services.AddStatusPages();

        await using var provider = services.BuildServiceProvider();
        var hosted = services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService))
            .Where(d => d.ImplementationFactory is not null)
            .Select(d => d.ImplementationFactory!(provider))
            .OfType<UnverifiedSubscriberCleanup>();

        Assert.Same(provider.GetRequiredService<UnverifiedSubscriberCleanup>(), Assert.Single(hosted));
    }

    private static StatusKitHarness Kit(ListLoggerProvider logs) => new(services =>
    {
        services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
        services.AddSingleton<ILoggerProvider>(logs);
    });

    private static Subscribe Request(Guid pageId, string destination) =>
        new() { PageId = pageId, Channel = SubscriberChannel.Email, Destination = destination };
}
