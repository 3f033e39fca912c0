using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Maintenance;
using StatusKit.Notifications;
using StatusKit.Notifications.Discord;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Slack;
using StatusKit.Notifications.Sms;
using StatusKit.Notifications.Teams;
using StatusKit.Notifications.Webhooks;

namespace StatusKit.Hosting;

/// <summary>
/// Validates every StatusKit options type when the host builds its hosted services, before the other StatusKit hosted
/// services are constructed. Those read their options in their constructors, which the host does before it runs the
/// <c>ValidateOnStart()</c> checks, so without this the first invalid options type would hide the failures of the others.
/// Throws one <see cref="OptionsValidationException"/>, or an <see cref="AggregateException"/> of them, like the host's own check.
/// </summary>
internal sealed class OptionsStartupCheck : IHostedService
{
    public OptionsStartupCheck(IServiceProvider services)
    {
        var failures = new List<OptionsValidationException>();
        Check<StatusPagesOptions>(services, failures);
        Check<NotificationOptions>(services, failures);
        Check<MaintenanceOptions>(services, failures);
        Check<WebhookAddressGuardOptions>(services, failures);
        Check<WebhookNotifierOptions>(services, failures);
        Check<SlackNotifierOptions>(services, failures);
        Check<TeamsNotifierOptions>(services, failures);
        Check<DiscordNotifierOptions>(services, failures);
        Check<EmailNotifierOptions>(services, failures);
        Check<SmtpEmailSenderOptions>(services, failures);
        Check<PickupDirectoryEmailSenderOptions>(services, failures);
        Check<SmsNotifierOptions>(services, failures);
        if (failures.Count == 1)
        {
            throw failures[0];
        }

        if (failures.Count > 1)
        {
            throw new AggregateException(failures);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check<T>(IServiceProvider services, List<OptionsValidationException> failures)
        where T : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            failures.Add(ex);
        }
    }
}
