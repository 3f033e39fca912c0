using System.Net.Http.Headers;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// What the history feed tests share: a host on a manual clock with the page "Acme Cloud" (<c>/status/acme</c>, Berlin),
/// and reading <c>history.atom</c> and <c>history.rss</c> and their entries by id.
/// </summary>
internal static class HistoryFeeds
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>Starts a host whose clock is <paramref name="clock"/>, with the page "Acme Cloud" at <c>/status/acme</c>.</summary>
    public static async Task<(WebApplication App, StatusPage Page)> StartAsync(ManualTimeProvider clock)
    {
        var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddStatusPages().AddStatusPageEndpoints();
            },
            app => app.MapStatusPages("/status"));
        var page = await app.Services.GetRequiredService<StatusPageService>().CreateAsync(
            new CreateStatusPage { Name = "Acme Cloud", Slug = "acme", TimeZoneId = "Europe/Berlin" });
        return (app, page);
    }

    public static async Task<(XDocument Atom, XDocument Rss)> ReadAsync(HttpClient client, string slug = "acme") =>
        (XDocument.Parse(await client.GetStringAsync($"/status/{slug}/history.atom")),
         XDocument.Parse(await client.GetStringAsync($"/status/{slug}/history.rss")));

    public static XElement AtomEntry(XDocument feed, Guid id) =>
        feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value == $"urn:uuid:{id}");

    public static XElement RssItem(XDocument feed, Guid id) =>
        feed.Root!.Element("channel")!.Elements("item").Single(e => e.Element("guid")!.Value == $"urn:uuid:{id}");

    /// <summary>The ids of an Atom or an RSS feed's entries, in the feed's order.</summary>
    public static List<Guid> Ids(XDocument feed) => feed.Root!.Name == Atom + "feed"
        ? [.. feed.Root.Elements(Atom + "entry").Select(e => Guid.Parse(e.Element(Atom + "id")!.Value["urn:uuid:".Length..]))]
        : [.. feed.Root.Element("channel")!.Elements("item").Select(e => Guid.Parse(e.Element("guid")!.Value["urn:uuid:".Length..]))];

    /// <summary>A GET of <paramref name="path"/> with <c>If-None-Match: etag</c>.</summary>
    public static Task<HttpResponseMessage> SendConditionalAsync(HttpClient client, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return client.SendAsync(request);
    }
}
