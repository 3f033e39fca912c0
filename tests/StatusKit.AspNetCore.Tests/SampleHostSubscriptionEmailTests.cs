using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using StatusKit.Notifications.Dispatching;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The sample's subscribe walkthrough as a visitor does it: subscribe over HTTP, open the email, follow its links.
/// A host of its own, so the shared host's subscription rate limit does not interfere.
/// </summary>
public sealed partial class SampleHostSubscriptionEmailTests(LinkedSampleHostFactory factory) : IClassFixture<LinkedSampleHostFactory>
{
    [Fact]
    public async Task The_confirmation_email_carries_a_link_that_confirms_and_a_one_click_unsubscribe_link()
    {
        using var client = factory.CreatePublicClient();
        using var subscribe = await client.PostAsJsonAsync("/status/demo/subscriptions", new { channel = "email", destination = "reader@example.com" });
        Assert.Equal(HttpStatusCode.Accepted, subscribe.StatusCode);
        var subscriberId = (await factory.Service<SubscriberService>().ListAsync(await factory.PageIdAsync("demo")))
            .Single(s => s.Destination == "reader@example.com").Id;

        var email = await WaitForEmailAsync("reader@example.com");

        var confirm = Assert.Single(ConfirmLink().Matches(email).Select(m => m.Value).Distinct());
        // The link asks first (a mail scanner that fetches it confirms nothing); its button confirms.
        var asked = await client.GetStringAsync(PathAndQuery(confirm));
        Assert.Contains("method=\"post\"", asked, StringComparison.Ordinal);
        Assert.False((await factory.Service<SubscriberService>().GetAsync(subscriberId))!.IsVerified);
        using var confirmed = await client.PostAsync(PathAndQuery(confirm), null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.True((await factory.Service<SubscriberService>().GetAsync(subscriberId))!.IsVerified);

        var unsubscribe = UnsubscribeHeader().Match(email).Groups["url"].Value;
        Assert.NotEmpty(unsubscribe);
        using var oneClick = await client.PostAsync(PathAndQuery(unsubscribe), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False((await factory.Service<SubscriberService>().GetAsync(subscriberId))!.IsActive);
    }

    /// <summary>The headers and the decoded text parts of the first email to <paramref name="to"/>.</summary>
    private async Task<string> WaitForEmailAsync(string to)
    {
        for (var i = 0; i < 100; i++)
        {
            await factory.Service<NotificationDispatcher>().RunOnceAsync(CancellationToken.None);
            foreach (var file in Directory.Exists(factory.MailDirectory) ? Directory.GetFiles(factory.MailDirectory, "*.eml") : [])
            {
                var raw = await File.ReadAllTextAsync(file);
                if (raw.Contains($"To: {to}", StringComparison.Ordinal))
                {
                    var parts = Base64Part().Matches(raw).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(m.Groups["body"].Value, @"\s", ""))));
                    return raw + "\n" + string.Join("\n", parts);
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email to {to} was written.");
    }

    private static string PathAndQuery(string url) => new Uri(url).PathAndQuery;

    [GeneratedRegex(@"https?://[^\s""<>]+/status/demo/subscriptions/verify\?token=[0-9a-f]{64}")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"^List-Unsubscribe: <(?<url>[^>]+)>", RegexOptions.Multiline)]
    private static partial Regex UnsubscribeHeader();

    [GeneratedRegex(@"Content-Transfer-Encoding: base64\r?\n\r?\n(?<body>[A-Za-z0-9+/=\r\n]+)")]
    private static partial Regex Base64Part();
}
