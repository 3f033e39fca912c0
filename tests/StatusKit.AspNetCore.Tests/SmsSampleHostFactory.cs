using Microsoft.AspNetCore.Hosting;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The sample host with its Twilio account in configuration, as an operator would set it: the SMS channel on.</summary>
public sealed class SmsSampleHostFactory : SampleHostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:AccountSid", "AC0123456789abcdef0123456789abcdef");
        builder.UseSetting("Sms:AuthToken", "token");
        builder.UseSetting("Sms:From", "+15005550006");
    }
}
