using StatusKit.TestSupport.Fakes;
using System.Net.Mail;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Email;
using StatusKit.Tests.Notifications.Support;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

public sealed class EmailNotifierTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly Uri Unsubscribe = new("https://status.acme.test/acme/unsubscribe?token=abc123");
    private static readonly Uri Manage = new("https://status.acme.test/acme/manage?token=abc123");
    private readonly TestSmtpServer _smtp = new();
    private readonly ListLoggerProvider _logs = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private SmtpEmailSender Smtp(int? port = null, TimeSpan? timeout = null, TimeProvider? clock = null) => new(
        Options.Create(new SmtpEmailSenderOptions { Host = "127.0.0.1", Port = port ?? _smtp.Port, EnableSsl = false, Timeout = timeout ?? TimeSpan.FromSeconds(20) }),
        clock ?? TimeProvider.System);

    private EmailNotifier Notifier(IEmailSender sender) =>
        new(sender, Options.Create(new EmailNotifierOptions { From = "Acme Status <status@acme.test>" }), _logs.CreateLogger<EmailNotifier>());

    [Fact]
    public async Task SendsAMultipartAlternativeEmail_OverRealSmtp_WithOneClickUnsubscribe()
    {
        var content = Content() with { Body = "Latency <script>alert('x')</script> & errors.\nSecond line." };
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test", unsubscribeUrl: Unsubscribe, content: content);

        var result = await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        var transcript = Assert.Single(_smtp.Messages);
        Assert.Equal("status@acme.test", transcript.MailFrom);
        Assert.Equal(["jane@example.test"], transcript.RcptTo);
        var mime = MimeReader.Parse(transcript.Data);
        Assert.Equal("API is having a major outage", mime.Header("Subject"));
        Assert.Contains("status@acme.test", mime.Header("From"), StringComparison.Ordinal);
        Assert.Equal($"<{Unsubscribe.AbsoluteUri}>", mime.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", mime.Header("List-Unsubscribe-Post"));
        Assert.Equal(message.NotificationId.ToString(), mime.Header(EmailNotifier.NotificationIdHeader));
        Assert.Equal("multipart/alternative", mime.ContentType);
        Assert.Equal(["text/plain", "text/html"], mime.Parts.Select(p => p.ContentType));

        var text = mime.Parts[0].DecodedBody;
        Assert.Contains("Latency <script>alert('x')</script> & errors.", text, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: " + Unsubscribe.AbsoluteUri, text, StringComparison.Ordinal);

        var html = mime.Parts[1].DecodedBody;
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("Latency &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; errors.<br>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://status.acme.test/acme/unsubscribe?token=abc123\"", html, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4401);
    }

    [Fact]
    public async Task A_notice_offers_to_manage_the_subscription_next_to_unsubscribing_in_both_parts()
    {
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test", unsubscribeUrl: Unsubscribe) with { ManageUrl = Manage };

        await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        var mime = MimeReader.Parse(Assert.Single(_smtp.Messages).Data);
        Assert.Contains($"Manage subscription: {Manage.AbsoluteUri}\r\nUnsubscribe: {Unsubscribe.AbsoluteUri}", mime.Parts[0].DecodedBody, StringComparison.Ordinal);
        Assert.Contains(
            $"<a href=\"{Manage.AbsoluteUri}\">Manage subscription</a> \u00b7 <a href=\"{Unsubscribe.AbsoluteUri}\">Unsubscribe</a>", mime.Parts[1].DecodedBody, StringComparison.Ordinal);
        Assert.Equal($"<{Unsubscribe.AbsoluteUri}>", mime.Header("List-Unsubscribe"));
    }

    [Fact]
    public void A_confirmation_request_offers_no_manage_link_as_there_is_no_subscription_yet()
    {
        var content = Content() with { Kind = NotificationKind.SubscriptionVerification, Subject = "Confirm your subscription to Acme", PageName = "Acme" };

        Assert.DoesNotContain("Manage subscription", EmailRenderer.Text(content, Unsubscribe, Manage), StringComparison.Ordinal);
        Assert.DoesNotContain("Manage subscription", EmailRenderer.Html(content, Unsubscribe, Manage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAnUnsubscribeUrl_NoListUnsubscribeHeadersAreSent()
    {
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");

        await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        var mime = MimeReader.Parse(Assert.Single(_smtp.Messages).Data);
        Assert.Null(mime.Header("List-Unsubscribe"));
        Assert.Null(mime.Header("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task MailboxUnavailable_FailsPermanently()
    {
        _smtp.RejectedRecipients.Add("gone@example.test");
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "gone@example.test");

        var result = await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.True(result.IsDestinationFailure, "a mailbox the server refuses is the subscriber's failure");
        Assert.Contains("MailboxUnavailable", result.Error, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
        Assert.Contains(_logs.Entries, e => e.EventId.Id == 4402);
    }

    [Fact]
    public async Task UnreachableServer_Retries()
    {
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");

        var result = await Notifier(Smtp(port: ClosedPort())).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
    }

    [Fact]
    public async Task ServerThatNeverGreets_TimesOut_AndRetries()
    {
        _smtp.Silent = true;
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");
        var started = TimeProvider.System.GetTimestamp();

        var result = await Notifier(Smtp(timeout: TimeSpan.FromMilliseconds(300))).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Retry, result.Kind);
        Assert.Contains("did not accept the message", result.Error, StringComparison.Ordinal);
        Assert.InRange(TimeProvider.System.GetElapsedTime(started), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task InvalidDestination_FailsPermanently_WithoutContactingTheServer(string destination)
    {
        var result = await Notifier(Smtp()).SendAsync(NotificationFixtures.Message(SubscriberChannel.Email, destination), CancellationToken.None);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.True(result.IsDestinationFailure);
        Assert.Equal(0, _smtp.ConnectionCount);
    }

    [Fact]
    public async Task SenderFailures_AreTheHostsNotTheDestinations()
    {
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");
        Exception[] failures = [new IOException("disk full"), new SmtpException(SmtpStatusCode.ServiceNotAvailable, "421"), new TimeoutException("slow")];

        var results = new List<NotificationResult>();
        foreach (var failure in failures)
        {
            results.Add(await Notifier(new ThrowingSender(failure)).SendAsync(message, CancellationToken.None));
        }

        Assert.All(results, result => Assert.False(result.IsDestinationFailure, result.Error));
    }

    [Fact]
    public async Task SenderFailures_MapToRetryOrPermanent()
    {
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");

        Assert.Equal(NotificationResultKind.Retry, (await Notifier(new ThrowingSender(new IOException("disk full"))).SendAsync(message, CancellationToken.None)).Kind);
        Assert.Equal(NotificationResultKind.Retry, (await Notifier(new ThrowingSender(new SmtpException(SmtpStatusCode.ServiceNotAvailable, "421"))).SendAsync(message, CancellationToken.None)).Kind);
        Assert.Equal(NotificationResultKind.Retry, (await Notifier(new ThrowingSender(new SmtpFailedRecipientException(SmtpStatusCode.MailboxBusy, "jane@example.test"))).SendAsync(message, CancellationToken.None)).Kind);
        Assert.Equal(NotificationResultKind.Permanent, (await Notifier(new ThrowingSender(new SmtpFailedRecipientException(SmtpStatusCode.MailboxNameNotAllowed, "jane@example.test"))).SendAsync(message, CancellationToken.None)).Kind);
        Assert.Equal(NotificationResultKind.Retry, (await Notifier(new ThrowingSender(new TimeoutException("slow"))).SendAsync(message, CancellationToken.None)).Kind);
    }

    [Fact]
    public async Task CallerCancellation_Propagates()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Notifier(Smtp()).SendAsync(message, cts.Token));
    }

    [Fact]
    public async Task SmtpSender_CallerCancellationDuringTheSend_Propagates()
    {
        _smtp.Silent = true;
        using var cts = new CancellationTokenSource();
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test");

        var sending = Notifier(Smtp()).SendAsync(message, cts.Token);
        Assert.True(SpinWait.SpinUntil(() => _smtp.ConnectionCount > 0, Bound));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending.WaitAsync(Bound));
    }

    [Fact]
    public async Task Both_parts_end_their_lines_in_CRLF_and_the_message_has_a_Message_ID_of_its_notice()
    {
        var content = Content() with { Body = "First line.\nSecond line.\n\nNext paragraph." };
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test", unsubscribeUrl: Unsubscribe, content: content);

        await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        var mime = MimeReader.Parse(Assert.Single(_smtp.Messages).Data);
        Assert.All(mime.Parts, part =>
        {
            Assert.Contains("\r\n", part.DecodedBody, StringComparison.Ordinal);
            Assert.DoesNotMatch("(?<!\r)\n", part.DecodedBody);
        });
        Assert.Equal($"<{message.NotificationId:N}@acme.test>", mime.Header("Message-ID"));
    }

    [Fact]
    public async Task An_address_with_more_than_ASCII_before_its_at_goes_out_where_the_server_offers_SMTPUTF8()
    {
        _smtp.SmtpUtf8 = true;
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "ops.müller@example.test");

        var result = await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Delivered, result.Kind);
        Assert.Equal(["ops.müller@example.test"], Assert.Single(_smtp.Messages).RcptTo);
    }

    [Fact]
    public async Task An_address_with_more_than_ASCII_before_its_at_is_the_destinations_failure_where_the_server_does_not_take_it()
    {
        var message = NotificationFixtures.Message(SubscriberChannel.Email, "ops.müller@example.test");

        var result = await Notifier(Smtp()).SendAsync(message, CancellationToken.None).WaitAsync(Bound);

        Assert.Equal(NotificationResultKind.Permanent, result.Kind);
        Assert.True(result.IsDestinationFailure, result.Error);
        Assert.DoesNotContain("müller", result.Error, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    [Fact]
    public async Task PickupDirectorySender_WritesAParseableEml()
    {
        var folder = Path.Combine(Path.GetTempPath(), "statuskit-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            var sender = new PickupDirectoryEmailSender(Options.Create(new PickupDirectoryEmailSenderOptions { Directory = folder }));
            var message = NotificationFixtures.Message(SubscriberChannel.Email, "jane@example.test", unsubscribeUrl: Unsubscribe, content: Content() with { Subject = "Störung: API \u26a0" });

            var result = await Notifier(sender).SendAsync(message, CancellationToken.None);

            Assert.Equal(NotificationResultKind.Delivered, result.Kind);
            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var mime = MimeReader.Parse(await File.ReadAllTextAsync(file));
            Assert.Equal("Störung: API \u26a0", mime.Header("Subject"));
            Assert.Contains("jane@example.test", mime.Header("To"), StringComparison.Ordinal);
            Assert.Equal($"<{Unsubscribe.AbsoluteUri}>", mime.Header("List-Unsubscribe"));
            Assert.Equal(["text/plain", "text/html"], mime.Parts.Select(p => p.ContentType));
            Assert.Contains("Requests to the API fail.", mime.Parts[0].DecodedBody, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Html_EncodesEveryUserString_AndDropsNonWebLinks()
    {
        var content = Content() with
        {
            Subject = "<b>S</b>",
            PageName = "<i>P</i>",
            Body = "<img src=x onerror=alert(1)>",
            Link = "javascript:alert(1)",
        };

        var html = EmailRenderer.Html(content, null);

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;S&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;P&lt;/i&gt;", html, StringComparison.Ordinal);
        Assert.Equal("a b", EmailRenderer.Subject(content with { Subject = "a\r\nb" }).Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_confirmation_request_does_not_tell_its_reader_they_subscribed_and_says_to_ignore_it_if_they_did_not()
    {
        // Anyone can type an address into the form: the reader of a confirmation request has not subscribed (yet).
        var content = Content() with { Kind = NotificationKind.SubscriptionVerification, Subject = "Confirm your subscription to Acme", PageName = "Acme" };

        var text = EmailRenderer.Text(content, Unsubscribe);
        var html = EmailRenderer.Html(content, Unsubscribe);

        Assert.DoesNotContain("because you subscribed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("because you subscribed", html, StringComparison.Ordinal);
        Assert.Contains("If you did not ask for this, ignore this message", text, StringComparison.Ordinal);
        Assert.Contains("If you did not ask for this, ignore this message", html, StringComparison.Ordinal);
        Assert.Contains("because you subscribed to Acme", EmailRenderer.Text(content with { Kind = NotificationKind.ComponentStatusChanged }, Unsubscribe), StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmation_emails_text_gives_its_link_once_on_a_line_of_its_own_and_its_html_links_it_once()
    {
        // The content as SubscriberService writes it for an email subscriber when the host has a public address.
        const string Link = "https://status.acme.test/status/acme/subscriptions/verify?token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification,
            Subject = "Confirm your subscription to Acme & Co",
            Body = $"Confirm your subscription to Acme & Co by opening {Link}",
            PageName = "Acme & Co",
            Link = Link,
        };

        var text = EmailRenderer.Text(content, unsubscribeUrl: null);
        var html = EmailRenderer.Html(content, unsubscribeUrl: null);

        Assert.Equal(1, Occurrences(text, Link));
        Assert.Contains($"\n{Link}\n", text, StringComparison.Ordinal);
        Assert.StartsWith(
            $"Confirm your subscription to Acme & Co\n\nOpen this link to confirm your subscription to Acme & Co:\n{Link}\n\n--\n",
            text,
            StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(html, System.Net.WebUtility.HtmlEncode(Link)));
        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(Link)}\">Confirm your subscription</a>", html, StringComparison.Ordinal);
        Assert.Contains("To confirm your subscription to Acme &amp; Co, open this link:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confirmation_email_without_a_link_still_gives_its_code()
    {
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification, Subject = "Confirm your subscription to Acme", PageName = "Acme",
            Body = "Confirm your subscription to Acme with this code: 0123", Link = null,
        };

        Assert.Contains("Confirm your subscription to Acme with this code: 0123", EmailRenderer.Text(content, null), StringComparison.Ordinal);
        Assert.Contains("Confirm your subscription to Acme with this code: 0123", EmailRenderer.Html(content, null), StringComparison.Ordinal);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [Fact]
    public void Html_names_its_language_for_screen_readers()
    {
        Assert.Contains("<html lang=\"en\">", EmailRenderer.Html(Content(), null), StringComparison.Ordinal);
    }

    private sealed class ThrowingSender(Exception exception) : IEmailSender
    {
        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) => Task.FromException(exception);
    }
}
