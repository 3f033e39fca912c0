using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Html;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The HTML pages follow the reader's colour scheme (<c>prefers-color-scheme</c>, in CSS, without script) unless the
/// operator fixed one (<see cref="StatusPageEndpointOptions.ColorScheme"/>), and a page's accent follows the scheme too.
/// </summary>
public sealed class PageColorSchemeTests
{
    private const string DarkMedia = "@media (prefers-color-scheme:dark)";

    private static readonly PageLinks Links = new("/status/acme", null);

    [Fact]
    public void By_default_a_page_is_light_and_turns_dark_where_the_reader_prefers_it()
    {
        var html = new PageRenderer().RenderHistory(RenderedSnapshots.Empty(), null, null, Links);

        Assert.Equal(PageColorScheme.Auto, new StatusPageEndpointOptions().ColorScheme);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", html, StringComparison.Ordinal);
        var head = Head(html);
        var light = head.IndexOf(PagePalette.Light.CustomProperties, StringComparison.Ordinal);
        var dark = head.IndexOf(DarkMedia + "{" + PagePalette.Dark.CustomProperties, StringComparison.Ordinal);
        Assert.True(light >= 0 && dark > light, head);
    }

    [Fact]
    public void Light_gives_every_reader_the_light_page_and_nothing_of_the_dark_one()
    {
        var html = new PageRenderer(PageColorScheme.Light).RenderHistory(RenderedSnapshots.Empty(), null, null, Links);

        Assert.Contains("<meta name=\"color-scheme\" content=\"light\">", html, StringComparison.Ordinal);
        Assert.Contains(PagePalette.Light.CustomProperties, html, StringComparison.Ordinal);
        Assert.DoesNotContain("prefers-color-scheme", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PagePalette.DarkBackground, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Dark_gives_every_reader_the_dark_page_without_asking_the_browser()
    {
        var html = new PageRenderer(PageColorScheme.Dark).RenderIncident(RenderedSnapshots.Empty(), Incident(), [], Links);

        Assert.Contains("<meta name=\"color-scheme\" content=\"dark\">", html, StringComparison.Ordinal);
        Assert.Contains(PagePalette.Dark.CustomProperties, html, StringComparison.Ordinal);
        Assert.DoesNotContain("prefers-color-scheme", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PagePalette.LightBackground, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PageColorScheme.Auto, ":root{--accent:#111111;--on-accent:#ffffff;--accent-text:#111111}@media (prefers-color-scheme:dark){:root{--accent:")]
    [InlineData(PageColorScheme.Light, ":root{--accent:#111111;--on-accent:#ffffff;--accent-text:#111111}body{")]
    [InlineData(PageColorScheme.Dark, "<style>:root{--accent:#")]
    public void A_pages_accent_is_set_for_its_scheme_after_the_style_sheet(PageColorScheme scheme, string expected)
    {
        var snapshot = RenderedSnapshots.Empty() with { AccentColor = "#111111" };

        var html = new PageRenderer(scheme).RenderHistory(snapshot, null, null, Links);

        Assert.Contains(expected, html, StringComparison.Ordinal);
        var dark = AccentPalette.OfDark("#111111")!.CustomProperties;
        Assert.Equal(scheme != PageColorScheme.Light, html.Contains(dark, StringComparison.Ordinal));
        Assert.Equal(scheme != PageColorScheme.Dark, html.Contains("--accent-text:#111111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Forced_dark_reaches_the_page_its_history_and_the_subscription_pages()
    {
        using var host = new SampleHostFactory();
        using var dark = host.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.Configure<StatusPageEndpointOptions>(o => o.ColorScheme = PageColorScheme.Dark)));
        using var client = dark.CreateClient();
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.HeaderName, "192.0.2.90");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var pageId = (await dark.Services.GetRequiredService<StatusPageService>().GetBySlugAsync("demo"))!.Id;
        var subscription = await dark.Services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = pageId, Channel = SubscriberChannel.Email, Destination = "dark@example.com",
        });

        foreach (var path in new[]
        {
            "/status/demo", "/status/demo/history",
            $"/status/demo/subscriptions/unsubscribe?token={subscription.UnsubscribeToken}", // asks
            $"/status/demo/subscriptions/manage?token={subscription.UnsubscribeToken}",
            "/status/demo/subscriptions/manage?token=not-a-token", // a message
        })
        {
            using var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

            Assert.Contains("<meta name=\"color-scheme\" content=\"dark\">", html, StringComparison.Ordinal);
            Assert.Contains(PagePalette.Dark.CustomProperties, html, StringComparison.Ordinal);
            Assert.DoesNotContain("prefers-color-scheme", html, StringComparison.Ordinal);
        }
    }

    private static string Head(string html) => html[..html.IndexOf("</head>", StringComparison.Ordinal)];

    private static StatusIncident Incident() => new()
    {
        Id = Guid.NewGuid(),
        PageId = Guid.NewGuid(),
        Title = "Slow sign-in",
        Message = "Looking into it",
        State = StatusIncidentState.Investigating,
        Updates = [new(Guid.NewGuid(), DateTimeOffset.UnixEpoch, StatusIncidentState.Investigating, "Looking into it")],
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
