using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications.Dispatching;
using StatusKit.Notifications.Http;
using StatusKit.Notifications.Teams;
using StatusKit.Services;
using StatusKit.TestSupport;

namespace StatusKit.Tests.Notifications.Integration;

/// <summary>
/// A Teams subscriber through <c>AddStatusPages()</c>: subscribing queues a confirmation request that the dispatcher
/// posts to the workflow URL as a card whose button is the confirmation link, and that link's token confirms the
/// subscription, as a Slack subscriber confirms. The workflow is a fake <see cref="HttpMessageHandler"/> answering 202.
/// </summary>
public sealed class TeamsSubscriptionEndToEndTests
{
    private const string Workflow = "https://flows.example.com/workflows/a1/triggers/manual/paths/invoke?api-version=1&sig=s3cret";

    [Fact]
    public async Task A_Teams_subscriber_gets_a_card_with_the_confirmation_link_and_confirms_with_it()
    {
        var workflow = new RecordingWorkflow();
        await using var kit = Kit(workflow);
        var (page, _) = await kit.CreatePageAsync("Acme");

        var subscription = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Teams, Destination = Workflow });
        Assert.Equal(1, await kit.Get<NotificationDispatcher>().RunOnceAsync(CancellationToken.None));

        var (target, body) = Assert.Single(workflow.Requests);
        Assert.Equal(Workflow, target.AbsoluteUri);
        using var json = JsonDocument.Parse(body);
        var card = json.RootElement.GetProperty("attachments")[0].GetProperty("content");
        var confirm = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Confirm your subscription");
        var link = new Uri(confirm.GetProperty("url").GetString()!);
        Assert.StartsWith($"https://status.acme.test/status/{page.Slug}/subscriptions/verify?token=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal($"token={subscription.VerificationToken}", link.Query.TrimStart('?'));
        Assert.Contains(card.GetProperty("actions").EnumerateArray(), a => a.GetProperty("title").GetString() == "Unsubscribe");

        var confirmed = await kit.Subscribers.VerifyAsync(page.Id, subscription.VerificationToken!);

        Assert.True(confirmed!.IsVerified);
        Assert.Equal(SubscriberChannel.Teams, confirmed.Channel);
    }

    private static StatusKitHarness Kit(RecordingWorkflow workflow) => new(services =>
    {
        services.Configure<StatusPagesOptions>(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.acme.test/status");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });
        services.Replace(ServiceDescriptor.Singleton(sp => new WebhookAddressGuard(
            sp.GetRequiredService<IOptions<WebhookAddressGuardOptions>>(),
            sp.GetRequiredService<ILogger<WebhookAddressGuard>>(),
            (_, _) => Task.FromResult<IPAddress[]>([IPAddress.Parse("20.42.65.92")]))));
        services.AddHttpClient(TeamsNotifier.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => workflow);
    });

    /// <summary>A Teams workflow's trigger: records each request and answers 202 Accepted, as the trigger does.</summary>
    private sealed class RecordingWorkflow : HttpMessageHandler
    {
        public List<(Uri Target, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.Accepted);
        }
    }
}
