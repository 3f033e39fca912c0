using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Notifications.Email;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Sms;

#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// Notification channels. Webhook, Slack, Microsoft Teams and Discord are on by default; email needs a sender and a From
/// address; SMS a Twilio account.
/// </summary>
public static class NotifierStatusPagesBuilderExtensions
{
    /// <summary>
    /// Configures where webhook, Slack, Teams and Discord deliveries may connect. By default loopback, private, link-local, CGNAT and
    /// unique-local addresses are refused, and https is required.
    /// </summary>
    public static IStatusPagesBuilder ConfigureWebhookAddresses(this IStatusPagesBuilder builder, Action<WebhookAddressGuardOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Turns on the Email channel, sending through SMTP (System.Net.Mail) with the given settings.</summary>
    public static IStatusPagesBuilder AddSmtpEmailNotifier(
        this IStatusPagesBuilder builder,
        Action<EmailNotifierOptions> configureEmail,
        Action<SmtpEmailSenderOptions> configureSmtp)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureSmtp);
        AddEmailNotifier(builder, configureEmail);
        builder.Services.Configure(configureSmtp);
        builder.Services.AddOptions<SmtpEmailSenderOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpEmailSenderOptions>, SmtpEmailSenderOptionsValidator>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender, SmtpEmailSender>());
        return builder;
    }

    /// <summary>Turns on the Email channel, writing each message as an .eml file into a folder (development, demos, a mail pickup service).</summary>
    public static IStatusPagesBuilder AddPickupDirectoryEmailNotifier(
        this IStatusPagesBuilder builder,
        Action<EmailNotifierOptions> configureEmail,
        Action<PickupDirectoryEmailSenderOptions> configureDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureDirectory);
        AddEmailNotifier(builder, configureEmail);
        builder.Services.Configure(configureDirectory);
        builder.Services.AddOptions<PickupDirectoryEmailSenderOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PickupDirectoryEmailSenderOptions>, PickupDirectoryEmailSenderOptionsValidator>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IEmailSender, PickupDirectoryEmailSender>());
        return builder;
    }

    /// <summary>
    /// Turns on the Sms channel, sending text messages through Twilio's Messages API from the given account and sender
    /// (validated at start-up). Until it is called, <c>sms</c> is offered nowhere and a subscription to it is refused.
    /// </summary>
    public static IStatusPagesBuilder AddTwilioSmsNotifier(this IStatusPagesBuilder builder, Action<SmsNotifierOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.AddOptions<SmsNotifierOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsNotifierOptions>, SmsNotifierOptionsValidator>());
        // Twilio is a fixed API (not a subscriber's URL), so no address guard; its default HTTP logging is removed, as
        // the request carries phone numbers.
        builder.Services.AddHttpClient(SmsNotifier.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, SmsNotifier>());
        return builder;
    }

    private static void AddEmailNotifier(IStatusPagesBuilder builder, Action<EmailNotifierOptions> configureEmail)
    {
        ArgumentNullException.ThrowIfNull(configureEmail);
        builder.Services.Configure(configureEmail);
        builder.Services.AddOptions<EmailNotifierOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailNotifierOptions>, EmailNotifierOptionsValidator>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<INotifier, EmailNotifier>());
    }
}
