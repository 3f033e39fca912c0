using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Admin;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The SMS channel at HTTP: offered by the page's form and taken by the public route only once the host added the SMS
/// notifier; a number is stored in E.164; the sample host turns it on from configuration; the subscriber CSV reads
/// Statuspage's phone columns.
/// </summary>
public sealed class SmsSubscriptionTests
{
    [Fact]
    public async Task With_the_SMS_notifier_the_form_offers_SMS_and_a_number_subscribes_in_E164()
    {
        await using var app = await StartAsync(withSms: true);
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/acme");
        using var json = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "sms", destination = "+44 (20) 7946-0958" });

        Assert.Contains("value=\"sms\"> SMS (mobile number with country code)</label>", html, StringComparison.Ordinal);
        Assert.Contains(">Phone number or URL</label>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        var pageId = (await app.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("acme"))!.Id;
        var subscriber = Assert.Single(await app.Services.GetRequiredService<SubscriberService>().ListAsync(pageId));
        Assert.Equal((SubscriberChannel.Sms, "+442079460958"), (subscriber.Channel, subscriber.Destination));
    }

    [Fact]
    public async Task Without_it_the_form_has_no_SMS_and_an_sms_subscription_is_a_400_naming_the_channel()
    {
        await using var app = await StartAsync(withSms: false);
        using var client = app.Client();

        var html = await client.GetStringAsync("/status/acme");
        using var refused = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "sms", destination = "+14155550123" });

        Assert.DoesNotContain("value=\"sms\"", html, StringComparison.Ordinal);
        await AdminResponses.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "channel");
        Assert.Contains("AddTwilioSmsNotifier", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_without_its_country_code_is_a_400_naming_the_destination()
    {
        await using var app = await StartAsync(withSms: true);
        using var client = app.Client();

        using var refused = await client.PostAsJsonAsync("/status/acme/subscriptions", new { channel = "sms", destination = "(415) 555-0123" });

        await AdminResponses.AssertProblemAsync(refused, HttpStatusCode.BadRequest, "destination");
    }

    [Fact]
    public async Task The_sample_host_offers_SMS_only_when_its_Twilio_account_is_configured()
    {
        using var configured = new SmsSampleHostFactory();
        using var plain = new SampleHostFactory();

        Assert.Contains(SubscriberChannel.Sms, configured.Service<SubscriberService>().Channels);
        Assert.DoesNotContain(SubscriberChannel.Sms, plain.Service<SubscriberService>().Channels);
    }

    [Fact]
    public void The_CSV_reads_an_sms_rows_number_from_Statuspages_phone_columns_and_makes_a_national_one_international()
    {
        var rows = SubscriberImportDocument.ReadCsv(
            "type,email,phone_number,phone_country,components\n"
            + "sms,,4155550123,US,API\n"
            + "sms,,07700900123,GB,\n"
            + "SMS,,+49 30 1234567,DE,\n"
            + "sms,,0612345678,ZZ,\n"
            + "email,ops@example.com,,,\n");

        Assert.Equal(
            [("+1 4155550123", "phone_number"), ("+44 7700900123", "phone_number"), ("+49 30 1234567", "phone_number"), ("0612345678", "phone_number"), ("ops@example.com", "email")],
            rows.Select(r => (r.Destination, r.DestinationField)));
        Assert.Equal(["API"], rows[0].Components);
    }

    [Theory]
    [InlineData("Type,Phone,Country\nsms,0312345678,IT\n", "+39 0312345678")]
    [InlineData("type,number,country_code\nsms,2125550100,CA\n", "+1 2125550100")]
    [InlineData("channel,destination\nsms,+1 212 555 0100\n", "+1 212 555 0100")]
    public void The_CSV_takes_the_phone_columns_by_any_of_their_names_or_the_destination_column(string csv, string destination)
    {
        var row = Assert.Single(SubscriberImportDocument.ReadCsv(csv));

        Assert.Equal(destination, row.Destination);
    }

    [Fact]
    public void A_CSV_with_only_a_phone_column_is_read_and_one_naming_it_twice_is_refused()
    {
        Assert.Single(SubscriberImportDocument.ReadCsv("type,phone_number\nsms,+14155550123\n"));
        Assert.Equal("phone_number", Assert.Throws<StatusKitValidationException>(() => SubscriberImportDocument.ReadCsv("type,phone,number\nsms,1,2\n")).Field);
    }

    private static async Task<WebApplication> StartAsync(bool withSms)
    {
        var app = await EmbeddedHost.StartAsync(
            services =>
            {
                var statusPages = services.AddStatusPages().AddStatusPageEndpoints();
                if (withSms)
                {
                    statusPages.AddTwilioSmsNotifier(o =>
                    {
                        o.AccountSid = "AC0123456789abcdef0123456789abcdef";
                        o.AuthToken = "token";
                        o.From = "+15005550006";
                    });
                }
            },
            app => app.MapStatusPages("/status"));
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        return app;
    }

    /// <summary>The sample host with its Twilio account in configuration, as an operator would set it.</summary>
    private sealed class SmsSampleHostFactory : SampleHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Sms:AccountSid", "AC0123456789abcdef0123456789abcdef");
            builder.UseSetting("Sms:AuthToken", "token");
            builder.UseSetting("Sms:From", "+15005550006");
        }
    }
}
