using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Teams;
using StatusKit.Notifications.Webhooks;

#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers the webhook, Slack, Microsoft Teams and Discord notifiers, which need no configuration, behind the address guard.</summary>
internal static class NotifierRegistration
{
    public static void AddHttpNotifiers(IServiceCollection services)
    {
        services.AddOptions<WebhookAddressGuardOptions>().ValidateOnStart();
        services.AddOptions<WebhookNotifierOptions>().ValidateOnStart();
        services.AddOptions<SlackNotifierOptions>().ValidateOnStart();
        services.AddOptions<TeamsNotifierOptions>().ValidateOnStart();
        services.AddOptions<DiscordNotifierOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookAddressGuardOptions>, WebhookAddressGuardOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookNotifierOptions>, WebhookNotifierOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackNotifierOptions>, SlackNotifierOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsNotifierOptions>, TeamsNotifierOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordNotifierOptions>, DiscordNotifierOptionsValidator>());
        services.TryAddSingleton<WebhookAddressGuard>();
        foreach (var name in new[] { WebhookNotifier.HttpClientName, SlackNotifier.HttpClientName, TeamsNotifier.HttpClientName, DiscordNotifier.HttpClientName })
        {
            // The notifiers time out on the injected TimeProvider; every connection goes through the guard's handler;
            // the default HTTP logging is removed because Slack and Discord webhook and Teams workflow URLs are credentials.
            services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookAddressGuard>().CreateHandler())
                .RemoveAllLoggers();
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, WebhookNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, SlackNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, TeamsNotifier>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, DiscordNotifier>());
    }
}
