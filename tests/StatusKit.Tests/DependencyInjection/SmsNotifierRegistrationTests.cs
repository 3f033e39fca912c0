using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications.Sms;
using StatusKit.Services;

namespace StatusKit.Tests.DependencyInjection;

/// <summary><c>AddTwilioSmsNotifier</c>: the SMS channel exists only once it is called, and its options are checked at start-up.</summary>
public sealed class SmsNotifierRegistrationTests
{
    [Fact]
    public async Task HostStart_WithTheSmsNotifierMisconfigured_FailsNamingEachOption_WithoutShowingTheAuthToken()
    {
        using var host = BuildHost(sms =>
        {
            sms.AccountSid = "not-a-sid";
            sms.AuthToken = "the-secret-auth-token";
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.StartsWith("AccountSid", StringComparison.Ordinal) && f.Contains("'not-a-sid'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("From or MessagingServiceSid", StringComparison.Ordinal));
        Assert.DoesNotContain(ex.Failures, f => f.Contains("the-secret-auth-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Added_twice_it_is_one_notifier_and_the_Sms_channel_is_offered()
    {
        using var host = BuildHost(Valid, twice: true);
        await host.StartAsync();
        try
        {
            Assert.Single(host.Services.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Sms);
            Assert.Contains(SubscriberChannel.Sms, host.Services.GetRequiredService<SubscriberService>().Channels);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void Without_it_there_is_no_SMS_notifier()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddStatusPages();
        using var provider = services.BuildServiceProvider();

        Assert.DoesNotContain(provider.GetServices<INotifier>(), n => n.Channel == SubscriberChannel.Sms);
    }

    private static void Valid(SmsNotifierOptions sms)
    {
        sms.AccountSid = "AC0123456789abcdef0123456789abcdef";
        sms.AuthToken = "token";
        sms.MessagingServiceSid = "MG0123456789abcdef0123456789abcdef";
    }

    private static IHost BuildHost(Action<SmsNotifierOptions> configure, bool twice = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        var statusPages = builder.Services.AddStatusPages().AddTwilioSmsNotifier(configure);
        if (twice)
        {
            statusPages.AddTwilioSmsNotifier(configure);
        }

        return builder.Build();
    }
}
