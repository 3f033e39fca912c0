using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Http;
using StatusKit.Services;
using StatusKit.TestSupport;
using StatusKit.TestSupport.Fakes;
using Xunit.Abstractions;
using static StatusKit.Tests.Services.ServiceAssert;

namespace StatusKit.Tests.Services;

public sealed class SubscriberImportServiceTests(ITestOutputHelper output)
{
    private const string SlackUrl = "https://hooks.slack.com/services/T0/B0/secret-part";

    [Fact]
    public async Task Import_PreVerified_CreatesActiveConfirmedSubscribers_OfEachChannel_AndSendsThemNothing()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [
            Row(2, "ops@example.com"),
            Row(3, SlackUrl, "slack"),
            Row(4, "https://hooks.example.com/status", "Webhook")]);

        Assert.Equal([(SubscriberChannel.Email, 2), (SubscriberChannel.Slack, 3), (SubscriberChannel.Webhook, 4)], report.Imported.Select(r => (r.Channel, r.Row)));
        Assert.Empty(report.Skipped);
        foreach (var record in report.Imported)
        {
            var subscriber = await kit.Subscribers.GetAsync(record.Id);
            Assert.True(subscriber is { IsActive: true, IsVerified: true, VerifyTokenHash: null, PageId: var p } && p == page.Id);
        }

        Assert.Empty(await OutboxAsync(kit, page.Id));
    }

    [Fact]
    public async Task Import_NotPreVerified_SendsEachAVerificationMessage_AndLeavesThemUnconfirmed()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [Row(2, "a@example.com"), Row(3, "b@example.com")], preVerified: false);

        Assert.Equal(2, report.Imported.Count);
        Assert.All(await Task.WhenAll(report.Imported.Select(r => kit.Subscribers.GetAsync(r.Id))), s => Assert.False(s!.IsVerified));
        var outbox = await OutboxAsync(kit, page.Id);
        // One each (their order in the outbox is not the rows': both were created at the same instant).
        Assert.Equal(
            report.Imported.Select(r => (NotificationKind.SubscriptionVerification, r.Id)).Order(),
            outbox.Select(n => (n.Content.Kind, n.SubscriberId)).Order());
    }

    [Fact]
    public async Task Import_Again_SkipsEveryRowAsAlreadySubscribed_AndChangesNothing()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null));
        IReadOnlyList<ImportedSubscriber> rows = [Row(2, "ops@example.com") with { Components = ["API"] }, Row(3, SlackUrl, "slack")];
        var first = await Import(kit).ImportAsync(page.Id, rows);
        var before = await Task.WhenAll(first.Imported.Select(r => kit.Subscribers.GetAsync(r.Id)));

        var again = await Import(kit).ImportAsync(page.Id, [rows[0] with { Destination = "OPS@Example.com", Components = [] }, rows[1]]);

        Assert.Empty(again.Imported);
        Assert.Equal([SubscriberImportSkipReason.AlreadySubscribed, SubscriberImportSkipReason.AlreadySubscribed], again.Skipped.Select(s => s.Reason));
        var after = await Task.WhenAll(first.Imported.Select(r => kit.Subscribers.GetAsync(r.Id)));
        Assert.Equal(before, after);
        Assert.Equal([components[0].Id], after[0]!.ComponentIds);
    }

    [Fact]
    public async Task Import_OfADestinationWaitingForConfirmation_LeavesItWaiting_WithItsToken()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var pending = await kit.Subscribers.SubscribeAsync(new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com" });
        var before = await kit.Subscribers.GetAsync(pending.Subscriber.Id);

        var report = await Import(kit).ImportAsync(page.Id, [Row(2, "ops@example.com")]);

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(SubscriberImportSkipReason.AlreadySubscribed, skipped.Reason);
        Assert.Contains("waiting for its confirmation", skipped.Message, StringComparison.Ordinal);
        Assert.Equal(before, await kit.Subscribers.GetAsync(pending.Subscriber.Id));
        Assert.Single(await OutboxAsync(kit, page.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Import_NeverBringsBackADestinationThatUnsubscribedItself_PreVerifiedOrNot(bool preVerified)
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "gone@example.com", PreVerified = true });
        Assert.True(await kit.Subscribers.UnsubscribeAsync(subscription.UnsubscribeToken));
        var unsubscribed = await kit.Subscribers.GetAsync(subscription.Subscriber.Id);

        var report = await Import(kit).ImportAsync(page.Id, [Row(7, "gone@example.com")], preVerified);

        var skipped = Assert.Single(report.Skipped);
        Assert.Equal((7, SubscriberImportSkipReason.Unsubscribed), (skipped.Row, skipped.Reason));
        Assert.Equal(unsubscribed, await kit.Subscribers.GetAsync(subscription.Subscriber.Id));
        Assert.Empty(await OutboxAsync(kit, page.Id));
    }

    [Fact]
    public async Task Import_OfADestinationAnOperatorStopped_LeavesItStopped_AsAlreadySubscribed()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var subscription = await kit.Subscribers.SubscribeAsync(
            new Subscribe { PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true });
        var stopped = await kit.Subscribers.DeactivateAsync(subscription.Subscriber.Id);

        var report = await Import(kit).ImportAsync(page.Id, [Row(2, "ops@example.com")]);

        Assert.Equal(SubscriberImportSkipReason.AlreadySubscribed, Assert.Single(report.Skipped).Reason);
        Assert.Equal(stopped, await kit.Subscribers.GetAsync(subscription.Subscriber.Id));
    }

    [Fact]
    public async Task Import_OfARowRepeated_TakesTheFirst_ComparingEmailsIgnoringCase()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [Row(2, "ops@example.com"), Row(3, "OPS@example.com"), Row(4, SlackUrl, "slack"), Row(5, SlackUrl, "slack")]);

        Assert.Equal([2, 4], report.Imported.Select(r => r.Row));
        Assert.Equal([(3, SubscriberImportSkipReason.Duplicate), (5, SubscriberImportSkipReason.Duplicate)], report.Skipped.Select(s => (s.Row, s.Reason)));
    }

    [Fact]
    public async Task Import_SkipsInvalidRows_NamingRowAndColumn_AndImportsTheOthers()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [
            Row(2, "not-an-address") with { DestinationField = "email" },
            Row(3, "+15551234567", "sms"),
            Row(4, "ok@example.com"),
            Row(5, "http://hooks.slack.com/services/T0/B0/secret-part", "slack"),
            Row(6, "https://internal.example.com/hook/secret-part", "webhook"),
            Row(7, string.Empty),
            Row(8, "ok2@example.com", "3")]);

        Assert.Equal([4], report.Imported.Select(r => r.Row));
        Assert.All(report.Skipped, s => Assert.Equal(SubscriberImportSkipReason.Invalid, s.Reason));
        Assert.Equal(
            ["Row 2, column email:", "Row 3, column channel:", "Row 5, column destination:", "Row 6, column destination:", "Row 7, column destination:", "Row 8, column channel:"],
            report.Skipped.Select(s => s.Message[..(s.Message.IndexOf(':', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public async Task Import_NeverShowsAWebhookUrlWhole_InTheDestinationOrTheMessage()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var first = await Import(kit).ImportAsync(page.Id, [Row(2, SlackUrl, "slack")]);

        var report = await Import(kit).ImportAsync(page.Id, [
            Row(2, SlackUrl, "slack"),
            Row(3, "http://hooks.slack.com/services/T0/B0/secret-part", "slack"),
            Row(4, "hooks.slack.com/services/T0/B0/secret-part", "webhook"),
            Row(5, "ops@", "email")]);

        Assert.Single(first.Imported);
        Assert.Equal(["https://hooks.slack.com/…", "http://hooks.slack.com/…", "…", "ops@"], report.Skipped.Select(s => s.Destination));
        Assert.All(report.Skipped, s => Assert.DoesNotContain("secret-part", s.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_MatchesComponentNamesAsTheOtherImportsDo_AndSkipsARowNamingOneThePageLacks()
    {
        await using var kit = Kit();
        var (page, components) = await kit.CreatePageAsync("Acme", ("API", null, null), ("Web", null, null));

        var report = await Import(kit).ImportAsync(page.Id, [
            Row(2, "a@example.com") with { Components = [" api ", "WEB", "api"] },
            Row(3, "b@example.com") with { Components = ["API", "Billing"] },
            Row(4, "c@example.com") with { Components = ["billing", "Mobile"] },
            Row(5, "d@example.com")]);

        Assert.Equal([2, 5], report.Imported.Select(r => r.Row));
        Assert.Equal([components[0].Id, components[1].Id], (await kit.Subscribers.GetAsync(report.Imported[0].Id))!.ComponentIds);
        Assert.Empty((await kit.Subscribers.GetAsync(report.Imported[1].Id))!.ComponentIds);
        Assert.Equal([(3, SubscriberImportSkipReason.Invalid), (4, SubscriberImportSkipReason.Invalid)], report.Skipped.Select(s => (s.Row, s.Reason)));
        Assert.StartsWith("Row 3, column components:", report.Skipped[0].Message, StringComparison.Ordinal);
        Assert.Contains("'Billing'", report.Skipped[0].Message, StringComparison.Ordinal);
        Assert.Equal(["Billing", "Mobile"], report.UnknownComponents);
        Assert.Null(await kit.Store.FindSubscriberByDestinationAsync(page.Id, SubscriberChannel.Email, "b@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task Import_KeepsEachRowsEvents()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [Row(2, "a@example.com") with { NotifyOn = NotificationEvents.Outage | NotificationEvents.Resolved }]);

        Assert.Equal(NotificationEvents.Outage | NotificationEvents.Resolved, (await kit.Subscribers.GetAsync(Assert.Single(report.Imported).Id))!.NotifyOn);
    }

    [Fact]
    public async Task Import_OfAnUnknownPage_IsNotFound_AndOfTooManyRows_IsRefusedNamingSubscribers()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");

        await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Import(kit).ImportAsync(Guid.NewGuid(), [Row(2, "a@example.com")]));
        var tooMany = await Assert.ThrowsAsync<StatusKitValidationException>(() => Import(kit).ImportAsync(
            page.Id, [.. Enumerable.Range(1, SubscriberImportService.MaxRows + 1).Select(i => Row(i, $"u{i}@example.com"))]));

        Assert.Equal("subscribers", tooMany.Field);
        Assert.Empty(await kit.Subscribers.ListAsync(page.Id));
    }

    [Fact]
    public async Task Import_Cancelled_StopsBetweenRows()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Import(kit).ImportAsync(page.Id, [Row(2, "a@example.com")], cancellationToken: cancellation.Token));
    }

    [Fact]
    public async Task Import_Logs1031AtInformation_WithCounts_AndNoDestination()
    {
        var logs = new ListLoggerProvider();
        await using var kit = new StatusKitHarness(services =>
        {
            services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
            services.AddLogging(b => b.AddProvider(logs));
        });
        var (page, _) = await kit.CreatePageAsync("Acme");

        await Import(kit).ImportAsync(page.Id, [Row(2, "secret-person@example.com"), Row(3, "nobody")]);

        var logged = Assert.Single(logs.Entries, e => e.EventId.Id == 1031);
        Assert.Equal(("StatusKit.Services.SubscriberImportService", LogLevel.Information), (logged.Category, logged.Level));
        Assert.Contains(page.Id.ToString(), logged.Message, StringComparison.Ordinal);
        Assert.Contains("Imported 1 subscribers", logged.Message, StringComparison.Ordinal);
        Assert.Contains("1 rows skipped", logged.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("secret-person", StringComparison.Ordinal) || e.Message.Contains("nobody", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_OfAThousandRows_InMemory_TakesLittleTime()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme", ("API", null, null));
        var rows = Enumerable.Range(2, 1_000).Select(i => Row(i, $"user{i}@example.com") with { Components = ["API"] }).ToList();
        var clock = Stopwatch.StartNew();

        var report = await Import(kit).ImportAsync(page.Id, rows);

        output.WriteLine($"1,000 rows in {clock.ElapsedMilliseconds} ms (in-memory store)");
        Assert.Equal(1_000, report.Imported.Count);
    }

    [Fact]
    public async Task Import_ChecksEachUrlDestination_ExactlyOnce()
    {
        var lookups = 0;
        await using var kit = new StatusKitHarness(services => services.Replace(ServiceDescriptor.Singleton(sp => new WebhookAddressGuard(
            sp.GetRequiredService<IOptions<WebhookAddressGuardOptions>>(),
            sp.GetRequiredService<ILogger<WebhookAddressGuard>>(),
            (_, _) =>
            {
                Interlocked.Increment(ref lookups);
                return Task.FromResult<IPAddress[]>([IPAddress.Parse("151.101.1.140")]);
            }))));
        var (page, _) = await kit.CreatePageAsync("Acme");

        var report = await Import(kit).ImportAsync(page.Id, [
            Row(2, "https://hooks.example.com/a", "webhook"),
            Row(3, "https://hooks.example.com/b", "webhook"),
            Row(4, SlackUrl, "slack"),
            Row(5, "https://hooks.example.com/a", "webhook")]);

        Assert.Equal([2, 3, 4], report.Imported.Select(r => r.Row));
        Assert.Equal(4, lookups);
    }

    [Fact]
    public async Task Import_WritesTheRowsInChunksOf500_OneStoreCallEach()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var rows = Enumerable.Range(2, 1_200).Select(i => Row(i, $"user{i}@example.com")).ToList();

        var report = await Import(kit).ImportAsync(page.Id, rows, preVerified: false);

        Assert.Equal(rows.Select(r => r.Row), report.Imported.Select(r => r.Row));
        Assert.Equal(3, kit.StoreControl.Calls(nameof(IStatusStore.AddSubscribersAsync)));
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.AddSubscriberAsync)));
        Assert.Equal(0, kit.StoreControl.Calls(nameof(IStatusStore.FindSubscriberByDestinationAsync)));
        Assert.Equal(1_200, (await OutboxAsync(kit, page.Id)).Count);
    }

    [Fact]
    public async Task TwoImportsOfTheSameRows_AtOnce_NotPreVerified_SendEachDestinationOneVerification()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var rows = Enumerable.Range(2, 50).Select(i => Row(i, $"user{i}@example.com")).ToList();
        // Both imports reach their write with every row checked before either writes.
        var arrived = 0;
        var bothThere = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        kit.StoreControl.Before = (method, _) =>
        {
            if (method != nameof(IStatusStore.AddSubscribersAsync))
            {
                return null;
            }

            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothThere.SetResult();
            }

            return bothThere.Task;
        };

        var reports = await Task.WhenAll(
            Task.Run(() => Import(kit).ImportAsync(page.Id, rows, preVerified: false)),
            Task.Run(() => Import(kit).ImportAsync(page.Id, rows, preVerified: false)));

        Assert.Equal(50, reports.Sum(r => r.Imported.Count));
        Assert.Equal(50, reports.Sum(r => r.Skipped.Count));
        Assert.All(reports.SelectMany(r => r.Skipped), s => Assert.Equal(SubscriberImportSkipReason.AlreadySubscribed, s.Reason));
        var subscribers = await kit.Store.ListSubscribersAsync(page.Id, CancellationToken.None);
        Assert.Equal(50, subscribers.Count);
        var verifications = (await OutboxAsync(kit, page.Id)).Where(n => n.Content.Kind == NotificationKind.SubscriptionVerification).ToList();
        Assert.Equal(subscribers.Select(s => s.Id).Order(), verifications.Select(n => n.SubscriberId).Order());
    }

    [Fact]
    public async Task Import_Cancelled_AfterAChunk_KeepsThatChunk_AndStops()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        using var cancellation = new CancellationTokenSource();
        var writes = 0;
        kit.StoreControl.Before = (method, _) =>
        {
            if (method == nameof(IStatusStore.AddSubscribersAsync) && Interlocked.Increment(ref writes) == 2)
            {
                cancellation.Cancel();
            }

            return null;
        };
        var rows = Enumerable.Range(2, 1_200).Select(i => Row(i, $"user{i}@example.com")).ToList();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Import(kit).ImportAsync(page.Id, rows, cancellationToken: cancellation.Token));

        Assert.Equal(500, (await kit.Store.ListSubscribersAsync(page.Id, CancellationToken.None)).Count);
        kit.StoreControl.Before = null;
        var again = await Import(kit).ImportAsync(page.Id, rows);
        Assert.Equal((700, 500), (again.Imported.Count, again.Skipped.Count));
    }

    [Fact]
    public async Task Import_OfAPageDeletedWhileItRuns_IsNotFound()
    {
        await using var kit = Kit();
        var (page, _) = await kit.CreatePageAsync("Acme");
        var writes = 0;
        kit.StoreControl.Before = (method, _) =>
            method == nameof(IStatusStore.AddSubscribersAsync) && Interlocked.Increment(ref writes) == 2
                ? kit.Store.DeletePageAsync(page.Id, null, CancellationToken.None)
                : null;
        var rows = Enumerable.Range(2, 1_200).Select(i => Row(i, $"user{i}@example.com")).ToList();

        var error = await Assert.ThrowsAsync<StatusKitNotFoundException>(() => Import(kit).ImportAsync(page.Id, rows));

        Assert.Equal("pageId", error.Field);
        Assert.Null(await kit.Store.GetPageAsync(page.Id, CancellationToken.None));
    }

    private static ImportedSubscriber Row(int row, string destination, string? channel = null) =>
        new() { Row = row, Destination = destination, Channel = channel };

    private static SubscriberImportService Import(StatusKitHarness kit) => kit.Services.GetRequiredService<SubscriberImportService>();
}
