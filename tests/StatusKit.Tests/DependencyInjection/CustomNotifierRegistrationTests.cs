using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.TestSupport.Fakes;
using StatusKit.Tests.Notifications.Dispatching;

namespace StatusKit.Tests.DependencyInjection;

/// <summary>A host's own notifier for a channel StatusKit also serves (webhook, Slack) is the one that sends.</summary>
public sealed class CustomNotifierRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AHostsWebhookNotifier_RegisteredBeforeOrAfterAddStatusPages_SendsInsteadOfTheBuiltInOne(bool registeredFirst)
    {
        var h = await DispatcherHarness.CreateAsync();
        var subscriber = await h.SubscriberAsync(SubscriberChannel.Webhook);
        var row = await h.EnqueueAsync(h.Change(subscriber));
        var own = new RecordingNotifier(SubscriberChannel.Webhook);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IStatusStore>(h.Store);
        services.AddSingleton<TimeProvider>(h.Clock);
        if (registeredFirst)
        {
            services.AddSingleton<INotifier>(own);
        }

        services.AddStatusPages();
        if (!registeredFirst)
        {
            services.AddSingleton<INotifier>(own);
        }

        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(row.Id, Assert.Single(own.Attempts).NotificationId);
        Assert.Equal(NotificationState.Delivered, (await h.GetAsync(row.Id)).State);
    }
}
