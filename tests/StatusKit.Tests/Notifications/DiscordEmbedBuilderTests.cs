using System.Text.Json;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Discord;
using StatusKit.Status;
using StatusKit.Testing;
using static StatusKit.Tests.Notifications.Support.NotificationFixtures;

namespace StatusKit.Tests.Notifications;

/// <summary>What a Discord subscriber reads: one embed per notice, within Discord's limits, that can ping no one.</summary>
public sealed class DiscordEmbedBuilderTests
{
    private const string PageLink = "https://status.acme.test/acme";
    private static readonly Uri Unsubscribe = new("https://status.acme.test/acme/subscriptions/unsubscribe?token=" + new string('b', 64));
    private static readonly Uri Manage = new("https://status.acme.test/acme/subscriptions/manage?token=" + new string('b', 64));
    private static readonly string Links = $"[View status page]({PageLink}) \u00b7 [Manage subscription]({Manage.AbsoluteUri}) \u00b7 [Unsubscribe]({Unsubscribe.AbsoluteUri})";

    public static TheoryData<NotificationKind> Kinds() => [.. Enum.GetValues<NotificationKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_renders_one_embed_titled_by_its_subject_with_the_page_in_the_footer_and_no_mentions(NotificationKind kind)
    {
        var content = Content() with { Kind = kind, Subject = $"[Acme Status] {kind}", Body = $"What happened: {kind}." };

        var payload = DiscordEmbedBuilder.Build(content, "View status page", Unsubscribe, Manage);

        var embed = Assert.Single(payload.Embeds);
        Assert.Equal(($"[Acme Status] {kind}", "Acme Status", content.OccurredAt), (embed.Title, embed.Footer.Text, embed.Timestamp));
        Assert.InRange(embed.Color, 0, 0xFFFFFF);
        Assert.Empty(payload.AllowedMentions.Parse);
        if (kind == NotificationKind.SubscriptionVerification)
        {
            // The verification link is the page's link here; it becomes the confirmation, with nothing to manage yet.
            Assert.Equal(PageLink, embed.Url);
            Assert.Equal(
                $"To confirm your subscription to Acme Status, open this link: [Confirm your subscription]({PageLink})\n\n[Unsubscribe]({Unsubscribe.AbsoluteUri})",
                embed.Description);
        }
        else
        {
            Assert.Equal(PageLink, embed.Url);
            Assert.Equal($"What happened: {kind}.\n\n{Links}", embed.Description);
        }
    }

    [Fact]
    public void The_JSON_is_Discords_execute_webhook_body_with_allowed_mentions_parsing_nothing()
    {
        var json = JsonSerializer.Serialize(DiscordEmbedBuilder.Build(Content(), "View status page"), DiscordJsonContext.Default.DiscordPayload);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("content", out _));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("allowed_mentions").GetProperty("parse").ValueKind);
        Assert.Equal(0, root.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        var embed = Assert.Single(root.GetProperty("embeds").EnumerateArray());
        Assert.Equal("API is having a major outage", embed.GetProperty("title").GetString());
        Assert.Equal(PageLink, embed.GetProperty("url").GetString());
        Assert.Equal(0xcf222e, embed.GetProperty("color").GetInt32());
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 8, 59, 30, TimeSpan.Zero), embed.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("Acme Status", embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public void Operator_text_with_everyone_mentions_and_markdown_is_shown_as_written_and_pings_no_one()
    {
        const string Written = "@everyone see [our mirror](https://evil.test) **now** <@123> # big _please_";
        var content = Content() with { Body = Written };

        var payload = DiscordEmbedBuilder.Build(content, "View status page");

        Assert.Empty(payload.AllowedMentions.Parse);
        Assert.Equal(
            "\\@everyone see \\[our mirror\\](https://evil.test) \\*\\*now\\*\\* \\<\\@123\\> \\# big \\_please\\_\n\n[View status page](https://status.acme.test/acme)",
            payload.Embeds[0].Description);
    }

    [Fact]
    public void A_web_address_in_the_text_is_left_whole_so_Discord_links_it_as_written()
    {
        var content = Content() with { Body = "Details: https://example.test/status_page?a=1&b=*2* (and *this*)" };

        var description = DiscordEmbedBuilder.Build(content, "View status page").Embeds[0].Description;

        Assert.StartsWith("Details: https://example.test/status_page?a=1&b=*2* (and \\*this\\*)", description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_body_is_cut_with_an_ellipsis_to_Discords_4096_characters_and_keeps_its_links()
    {
        var content = Content() with { Body = new string('x', 10_000) };

        var description = DiscordEmbedBuilder.Build(content, "View status page", Unsubscribe, Manage).Embeds[0].Description;

        Assert.Equal(4_096, description.Length);
        Assert.EndsWith("x\u2026\n\n" + Links, description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair_in_the_body_or_the_title()
    {
        var content = Content() with { Subject = "a" + string.Concat(Enumerable.Repeat("\U0001F525", 200)), Body = "a" + string.Concat(Enumerable.Repeat("\U0001F525", 3_000)) };

        var embed = DiscordEmbedBuilder.Build(content, "View status page").Embeds[0];

        Assert.InRange(embed.Title.Length, 250, 256);
        Assert.InRange(embed.Description.Length, 4_000, 4_096);
        foreach (var text in new[] { embed.Title, embed.Description })
        {
            for (var i = 0; i < text.Length; i++)
            {
                Assert.False(char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])), $"A lone high surrogate at {i}.");
            }
        }

        Assert.EndsWith("\U0001F525\u2026", embed.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_never_leaves_an_escaping_backslash_before_the_ellipsis()
    {
        // 2,048 asterisks escape to 4,096 characters: the cut falls between a backslash and the star it escapes.
        var content = Content() with { Body = new string('*', 2_048) };

        var description = DiscordEmbedBuilder.Build(content, "View status page").Embeds[0].Description;

        var text = description[..description.IndexOf('\u2026', StringComparison.Ordinal)];
        Assert.EndsWith("\\*", text, StringComparison.Ordinal);
        Assert.True(description.Length <= 4_096);
    }

    [Fact]
    public void Without_manage_and_unsubscribe_links_and_with_no_web_link_there_are_no_links()
    {
        var content = Content() with { Link = "javascript:alert(1)" };

        var embed = DiscordEmbedBuilder.Build(content, "View status page", new Uri("mailto:x@example.com")).Embeds[0];

        Assert.Null(embed.Url);
        Assert.Equal("Requests to the API fail.\n\nWe are investigating.", embed.Description);
    }

    [Fact]
    public void A_confirmation_request_without_a_link_gives_its_code()
    {
        var content = Content() with
        {
            Kind = NotificationKind.SubscriptionVerification, Subject = "Confirm your subscription to Acme", PageName = "Acme",
            Body = "Confirm your subscription to Acme with this code: 0123", Link = null,
        };

        var embed = DiscordEmbedBuilder.Build(content, "View status page").Embeds[0];

        Assert.Equal(("Confirm your subscription to Acme with this code: 0123", (string?)null), (embed.Description, embed.Url));
    }

    [Fact]
    public void A_test_notice_says_it_is_a_test_in_grey_with_the_page_manage_and_unsubscribe_links()
    {
        var page = TestData.Page(name: "Acme");
        var api = TestData.Component(page.Id, "API");
        var subscriber = TestData.Subscriber(page.Id, SubscriberChannel.Discord);
        var content = TestNotice.For(page, [api], subscriber, TestData.T0).Content with { Link = PageLink };

        var embed = DiscordEmbedBuilder.Build(content, "View status page", Unsubscribe, Manage).Embeds[0];

        Assert.Equal("Test notification from Acme", embed.Title);
        Assert.StartsWith("This is a test notification sent by the operators of Acme", embed.Description, StringComparison.Ordinal);
        Assert.EndsWith(Links, embed.Description, StringComparison.Ordinal);
        Assert.Equal(0x6e7781, embed.Color);
    }

    [Theory]
    [InlineData(NotificationKind.ComponentStatusChanged, ComponentStatus.MajorOutage, NotificationEvents.Outage, 0xcf222e)]
    [InlineData(NotificationKind.ComponentStatusChanged, ComponentStatus.DegradedPerformance, NotificationEvents.Degraded, 0x9a6700)]
    [InlineData(NotificationKind.ComponentStatusChanged, ComponentStatus.Operational, NotificationEvents.Resolved, 0x1a7f37)]
    [InlineData(NotificationKind.StatusIncidentCreated, null, NotificationEvents.None, 0xbc4c00)]
    [InlineData(NotificationKind.StatusIncidentResolved, null, NotificationEvents.None, 0x1a7f37)]
    [InlineData(NotificationKind.MaintenanceStarted, null, NotificationEvents.None, 0x0969da)]
    [InlineData(NotificationKind.MaintenanceCompleted, null, NotificationEvents.None, 0x1a7f37)]
    [InlineData(NotificationKind.Digest, null, NotificationEvents.Resolved | NotificationEvents.Outage, 0xbc4c00)]
    [InlineData(NotificationKind.Digest, null, NotificationEvents.Maintenance, 0x0969da)]
    [InlineData(NotificationKind.SubscriptionVerification, null, NotificationEvents.None, 0x6e7781)]
    public void The_colour_is_the_news_it_brings_in_the_pages_status_colours(NotificationKind kind, ComponentStatus? status, NotificationEvents events, int colour)
    {
        var content = Content() with { Kind = kind, NewStatus = status, Event = events };

        Assert.Equal(colour, DiscordEmbedBuilder.Build(content, "View status page").Embeds[0].Color);
    }
}
