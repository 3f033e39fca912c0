using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Testing;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// No request a client can send is answered with a server error or changes what it should not: every route of the
/// embedded host (read from its endpoint table, so a route added later without cases fails
/// <see cref="Every_route_has_bad_input_cases"/>) is sent malformed bodies, bodies of the wrong shape, huge strings,
/// ids and slugs that name nothing, bad query values, wrong content types and garbage <c>If-Match</c> headers, and must
/// answer a 4xx; the admin API and the subscription routes answer JSON problem details that say what was wrong.
/// </summary>
public sealed partial class BadInputTests : IAsyncLifetime
{
    private const string Prefix = "/status";
    private static readonly string Huge = new('x', 1024 * 1024);
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private WebApplication? _app;
    private Seeded? _seeded;

    private WebApplication App => _app ?? throw new InvalidOperationException("Not started.");

    private Seeded Seed => _seeded ?? throw new InvalidOperationException("Not seeded.");

    /// <summary>
    /// The records the cases aim at: a page (slug <c>acme</c>) with one of everything, and a follower of its incident
    /// with the token of its manage link.
    /// </summary>
    private sealed record Seeded(
        Guid PageId, Guid ComponentId, Guid IncidentId, Guid SubscriberId, Guid WindowId, Guid TemplateId, Guid FollowerId, string FollowerToken, Guid MetricId);

    /// <summary>One malformed request and the statuses it may be answered with.</summary>
    private sealed record Case(string Name, HttpMethod Method, string Path, params HttpStatusCode[] Allowed)
    {
        public string? Body { get; init; }

        public string ContentType { get; init; } = "application/json";

        public string? IfMatch { get; init; }

        public string? IfNoneMatch { get; init; }

        /// <summary>The <c>Accept</c> header, when the route answers a script otherwise than a person.</summary>
        public string? Accept { get; init; }

        /// <summary>Whether a refusal must be problem details (the admin API and the subscription routes' JSON answers).</summary>
        public bool Problem { get; init; }

        /// <summary>For a Content-Type the route does not take: the ones its 415 problem must name.</summary>
        public string[] Expects { get; init; } = [];
    }

    // Each route, as "METHOD /pattern" under the prefix (route constraints left out), with its bad requests.
    private static readonly Dictionary<string, Func<Seeded, IEnumerable<Case>>> Routes = new(StringComparer.Ordinal)
    {
        ["GET /admin/pages"] = _ => [Admin("huge teamId", HttpMethod.Get, $"pages?teamId={Huge[..8000]}", HttpStatusCode.OK)],
        ["POST /admin/pages"] = _ => Body(HttpMethod.Post, "pages", """{"name":"Valid"}""",
            ("name of a number", """{"name":5}"""),
            ("null name", """{"name":null}"""),
            ("no name", """{"slug":"no-name"}"""),
            ("1 MB name", $$"""{"name":"{{Huge}}"}"""),
            ("1 MB description", $$"""{"name":"Big","description":"{{Huge}}"}"""),
            ("bad slug", """{"name":"Bad slug","slug":"Not A Slug"}"""),
            ("isPublic a string", """{"name":"Pub","isPublic":"yes"}"""),
            ("unknown zone", """{"name":"Zone","timeZoneId":"Mars/Olympus"}"""),
            ("null zone", """{"name":"Zone","timeZoneId":null}"""),
            ("custom domain with a scheme", """{"name":"Domain","customDomain":"https://status.acme.example"}"""),
            ("custom domain with a port", """{"name":"Domain","customDomain":"status.acme.example:443"}"""),
            ("custom domain an IP address", """{"name":"Domain","customDomain":"192.0.2.1"}"""),
            ("custom domain of a number", """{"name":"Domain","customDomain":5}"""),
            ("1 MB custom domain", $$"""{"name":"Domain","customDomain":"{{Huge}}"}"""),
            ("language without texts", """{"name":"Lang","language":"xx"}"""),
            ("language of a number", """{"name":"Lang","language":5}"""),
            ("1 MB language", $$"""{"name":"Lang","language":"{{Huge}}"}"""),
            ("lone surrogate", """{"name":"a\ud800b"}""")),
        ["GET /admin/pages/{pageId}"] = _ => Ids("pages/{0}", HttpMethod.Get),
        ["PATCH /admin/pages/{pageId}"] = s => [.. Ids("pages/{0}", HttpMethod.Patch, "{}"), .. Body(HttpMethod.Patch, $"pages/{s.PageId}", """{"description":"Same"}""",
            ("name of a number", """{"name":5}"""),
            ("blank name", """{"name":"  "}"""),
            ("1 MB name", $$"""{"name":"{{Huge}}"}"""),
            ("bad slug", """{"slug":"-"}"""),
            ("custom domain with a path", """{"customDomain":"status.acme.example/history"}"""),
            ("custom domain with spaces", """{"customDomain":"status acme.example"}"""),
            ("language without texts", """{"language":"de-XX-unknown"}"""),
            ("unknown zone", """{"timeZoneId":"Nowhere"}""")),
            .. IfMatchCases(HttpMethod.Patch, $"pages/{s.PageId}", """{"description":"Same"}""")],
        ["DELETE /admin/pages/{pageId}"] = s => [.. Ids("pages/{0}", HttpMethod.Delete), .. IfMatchCases(HttpMethod.Delete, $"pages/{s.PageId}", null)],
        ["POST /admin/pages/{pageId}/visibility"] = s => [.. Ids("pages/{0}/visibility", HttpMethod.Post, """{"isPublic":true}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/visibility", """{"isPublic":true}""",
                ("no isPublic", "{}"),
                ("isPublic null", """{"isPublic":null}"""),
                ("isPublic a number", """{"isPublic":1}""")),
            .. IfMatchCases(HttpMethod.Post, $"pages/{s.PageId}/visibility", """{"isPublic":true}""")],
        ["POST /admin/pages/{pageId}/access-token"] = s => [.. Ids("pages/{0}/access-token", HttpMethod.Post), .. IfMatchCases(HttpMethod.Post, $"pages/{s.PageId}/access-token", null)],
        ["GET /admin/pages/{pageId}/components"] = _ => Ids("pages/{0}/components", HttpMethod.Get),
        ["POST /admin/pages/{pageId}/components"] = s => [.. Ids("pages/{0}/components", HttpMethod.Post, """{"name":"C"}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/components", """{"name":"Valid"}""",
                ("no name", "{}"),
                ("1 MB name", $$"""{"name":"{{Huge}}"}"""),
                ("1 MB group", $$"""{"name":"G","groupName":"{{Huge}}"}"""),
                ("displayOrder a string", """{"name":"O","displayOrder":"first"}"""),
                ("displayOrder a quoted number", """{"name":"O","displayOrder":"1"}"""),
                ("displayOrder negative", """{"name":"O","displayOrder":-1}"""),
                ("displayOrder too big", """{"name":"O","displayOrder":99999999999}"""),
                ("onlyShowIfDegraded a string", """{"name":"S","onlyShowIfDegraded":"yes"}"""),
                ("onlyShowIfDegraded a number", """{"name":"S","onlyShowIfDegraded":1}"""),
                ("onlyShowIfDegraded null", """{"name":"S","onlyShowIfDegraded":null}"""),
                ("upstreamUrl over http", """{"name":"U","upstreamUrl":"http://status.example.com/api/v2/summary.json"}"""),
                ("upstreamUrl relative", """{"name":"U","upstreamUrl":"/api/v2/summary.json"}"""),
                ("upstreamUrl with a password", """{"name":"U","upstreamUrl":"https://u:p@status.example.com/api/v2/summary.json"}"""),
                ("1 MB upstreamUrl", $$"""{"name":"U","upstreamUrl":"https://status.example.com/{{Huge}}"}"""),
                ("upstreamUrl a number", """{"name":"U","upstreamUrl":42}"""),
                ("upstreamComponentId without upstreamUrl", """{"name":"U","upstreamComponentId":"abc"}"""),
                ("1 MB upstreamComponentId", $$"""{"name":"U","upstreamUrl":"https://status.example.com/api/v2/summary.json","upstreamComponentId":"{{Huge}}"}"""))],
        ["PUT /admin/pages/{pageId}/components/order"] = s => [.. Ids("pages/{0}/components/order", HttpMethod.Put, """{"componentIds":[]}"""),
            .. Body(HttpMethod.Put, $"pages/{s.PageId}/components/order", $$"""{"componentIds":["{{s.ComponentId}}"]}""",
                ("ids not guids", """{"componentIds":["x"]}"""),
                ("ids a string", """{"componentIds":"x"}"""),
                ("an empty id", $$"""{"componentIds":["{{Guid.Empty}}"]}"""),
                ("an id twice", $$"""{"componentIds":["{{s.ComponentId}}","{{s.ComponentId}}"]}"""),
                ("another page's id", $$"""{"componentIds":["{{Guid.NewGuid()}}"]}""")),
            .. IfMatchCases(HttpMethod.Put, $"pages/{s.PageId}/components/order", $$"""{"componentIds":["{{s.ComponentId}}"]}""")],
        ["GET /admin/components/{componentId}"] = _ => Ids("components/{0}", HttpMethod.Get),
        ["PATCH /admin/components/{componentId}"] = s => [.. Ids("components/{0}", HttpMethod.Patch, "{}"),
            .. Body(HttpMethod.Patch, $"components/{s.ComponentId}", """{"description":"Same"}""",
                ("blank name", """{"name":""}"""),
                ("1 MB name", $$"""{"name":"{{Huge}}"}"""),
                ("displayOrder a string", """{"displayOrder":"x"}"""),
                ("displayOrder negative", """{"displayOrder":-5}"""),
                ("onlyShowIfDegraded a string", """{"onlyShowIfDegraded":"yes"}"""),
                ("onlyShowIfDegraded a number", """{"onlyShowIfDegraded":0}"""),
                ("upstreamUrl over http", """{"upstreamUrl":"http://status.example.com/api/v2/summary.json"}"""),
                ("upstreamUrl not a URL", """{"upstreamUrl":"status page"}"""),
                ("upstreamUrl an object", """{"upstreamUrl":{}}"""),
                ("upstreamComponentId without upstreamUrl", """{"upstreamComponentId":"abc"}"""),
                ("1 MB upstreamComponentId", $$"""{"upstreamComponentId":"{{Huge}}"}""")),
            .. IfMatchCases(HttpMethod.Patch, $"components/{s.ComponentId}", """{"description":"Same"}""")],
        ["DELETE /admin/components/{componentId}"] = s => [.. Ids("components/{0}", HttpMethod.Delete), .. IfMatchCases(HttpMethod.Delete, $"components/{s.ComponentId}", null)],
        ["PUT /admin/components/{componentId}/manual-status"] = s => [.. Ids("components/{0}/manual-status", HttpMethod.Put, """{"status":"majorOutage"}"""),
            .. Body(HttpMethod.Put, $"components/{s.ComponentId}/manual-status", """{"status":"majorOutage"}""",
                ("no status", "{}"),
                ("unknown status", """{"status":"onFire"}"""),
                ("status a number", """{"status":99}"""),
                ("expiresAt not a date", """{"status":"majorOutage","expiresAt":"tomorrow"}"""),
                ("expiresAt the smallest date", """{"status":"majorOutage","expiresAt":"0001-01-01T00:00:00+14:00"}"""),
                ("expiresAt the largest date", """{"status":"majorOutage","expiresAt":"9999-12-31T23:59:59-14:00"}""")),
            .. IfMatchCases(HttpMethod.Put, $"components/{s.ComponentId}/manual-status", """{"status":"majorOutage"}""")],
        ["DELETE /admin/components/{componentId}/manual-status"] = s => [.. Ids("components/{0}/manual-status", HttpMethod.Delete),
            .. IfMatchCases(HttpMethod.Delete, $"components/{s.ComponentId}/manual-status", null)],
        ["GET /admin/pages/{pageId}/incidents"] = s => [.. Ids("pages/{0}/incidents", HttpMethod.Get), .. ListQueries($"pages/{s.PageId}/incidents", withState: true)],
        ["POST /admin/pages/{pageId}/incidents"] = s => [.. Ids("pages/{0}/incidents", HttpMethod.Post, """{"title":"T","message":"M"}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/incidents", """{"title":"T","message":"M"}""",
                ("no title", """{"message":"M"}"""),
                ("no message", """{"title":"T"}"""),
                ("1 MB message", $$"""{"title":"T","message":"{{Huge}}"}"""),
                ("unknown severity", """{"title":"T","message":"M","severity":"apocalyptic"}"""),
                ("severity a number", """{"title":"T","message":"M","severity":42}"""),
                ("severity a number of a severity", """{"title":"T","message":"M","severity":1}"""),
                ("unknown component", $$"""{"title":"T","message":"M","componentIds":["{{Guid.NewGuid()}}"]}"""),
                ("notifySubscribers a string", """{"title":"T","message":"M","notifySubscribers":"no"}"""),
                ("unknown state", """{"title":"T","message":"M","state":"fixed"}"""),
                ("state a number", """{"title":"T","message":"M","state":9}"""),
                ("state a number of a state", """{"title":"T","message":"M","state":1}"""),
                ("startedAt not a date", """{"title":"T","message":"M","state":"resolved","startedAt":"last week"}"""),
                ("startedAt on an open incident", """{"title":"T","message":"M","startedAt":"2020-01-01T00:00:00Z"}"""),
                ("resolvedAt on an open incident", """{"title":"T","message":"M","state":"monitoring","resolvedAt":"2020-01-01T00:00:00Z"}"""),
                ("startedAt in the future", """{"title":"T","message":"M","state":"resolved","startedAt":"3000-01-01T00:00:00Z"}"""),
                ("startedAt before 1970", """{"title":"T","message":"M","state":"resolved","startedAt":"1969-12-31T23:59:59Z"}"""),
                ("startedAt the smallest date", """{"title":"T","message":"M","state":"resolved","startedAt":"0001-01-01T00:00:00+14:00"}"""),
                ("resolvedAt before startedAt", """{"title":"T","message":"M","state":"resolved","startedAt":"2020-01-02T00:00:00Z","resolvedAt":"2020-01-01T00:00:00Z"}"""),
                ("resolvedAt without startedAt", """{"title":"T","message":"M","state":"resolved","resolvedAt":"2020-01-01T00:00:00Z"}"""),
                ("templateId not a guid", """{"templateId":"database-down"}"""),
                ("unknown templateId", $$"""{"templateId":"{{Guid.NewGuid()}}"}"""),
                ("templateId and a blank title", $$"""{"templateId":"{{s.TemplateId}}","title":" "}"""),
                ("templateId and an unknown component", $$"""{"templateId":"{{s.TemplateId}}","componentIds":["{{Guid.NewGuid()}}"]}"""))],
        ["GET /admin/pages/{pageId}/incident-templates"] = _ => Ids("pages/{0}/incident-templates", HttpMethod.Get),
        ["POST /admin/pages/{pageId}/incident-templates"] = s => [.. Ids("pages/{0}/incident-templates", HttpMethod.Post, """{"name":"N","title":"T","message":"M"}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/incident-templates", """{"name":"Valid","title":"T","message":"M"}""",
                ("no name", """{"title":"T","message":"M"}"""),
                ("no title", """{"name":"N","message":"M"}"""),
                ("no message", """{"name":"N","title":"T"}"""),
                ("1 MB name", $$"""{"name":"{{Huge}}","title":"T","message":"M"}"""),
                ("1 MB message", $$"""{"name":"N","title":"T","message":"{{Huge}}"}"""),
                ("title too long", $$"""{"name":"N","title":"{{new string('t', 201)}}","message":"M"}"""),
                ("unknown severity", """{"name":"N","title":"T","message":"M","severity":"apocalyptic"}"""),
                ("severity a number", """{"name":"N","title":"T","message":"M","severity":42}"""),
                ("unknown component", $$"""{"name":"N","title":"T","message":"M","componentIds":["{{Guid.NewGuid()}}"]}"""),
                ("the seeded template's name", """{"name":"DATABASE DOWN","title":"T","message":"M"}"""),
                ("unknown state", """{"name":"N","title":"T","message":"M","state":"fixed"}"""),
                ("state a number", """{"name":"N","title":"T","message":"M","state":9}"""),
                ("a member it does not take", """{"name":"N","title":"T","message":"M","version":1}"""))],
        ["GET /admin/incident-templates/{templateId}"] = _ => Ids("incident-templates/{0}", HttpMethod.Get),
        ["PATCH /admin/incident-templates/{templateId}"] = s => [.. Ids("incident-templates/{0}", HttpMethod.Patch, "{}"),
            .. Body(HttpMethod.Patch, $"incident-templates/{s.TemplateId}", """{"title":"Same"}""",
                ("blank name", """{"name":" "}"""),
                ("blank message", """{"message":""}"""),
                ("unknown severity", """{"severity":"x"}"""),
                ("unknown state", """{"state":"x"}"""),
                ("unknown component", $$"""{"componentIds":["{{Guid.NewGuid()}}"]}"""),
                ("a member it does not take", """{"version":1}""")),
            .. IfMatchCases(HttpMethod.Patch, $"incident-templates/{s.TemplateId}", """{"title":"Same"}""")],
        ["DELETE /admin/incident-templates/{templateId}"] = s => [.. Ids("incident-templates/{0}", HttpMethod.Delete),
            .. IfMatchCases(HttpMethod.Delete, $"incident-templates/{s.TemplateId}", null)],
        ["GET /admin/pages/{pageId}/metrics"] = _ => Ids("pages/{0}/metrics", HttpMethod.Get),
        ["POST /admin/pages/{pageId}/metrics"] = s => [.. Ids("pages/{0}/metrics", HttpMethod.Post, """{"name":"N"}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/metrics", """{"name":"Valid"}""",
                ("no name", """{"suffix":"ms"}"""),
                ("blank name", """{"name":" "}"""),
                ("name too long", $$"""{"name":"{{new string('n', 101)}}"}"""),
                ("1 MB name", $$"""{"name":"{{Huge}}"}"""),
                ("suffix too long", $$"""{"name":"N","suffix":"{{new string('s', 21)}}"}"""),
                ("1 MB description", $$"""{"name":"N","description":"{{Huge}}"}"""),
                ("decimals 5", """{"name":"N","decimals":5}"""),
                ("decimals negative", """{"name":"N","decimals":-1}"""),
                ("decimals a string", """{"name":"N","decimals":"two"}"""),
                ("visible a string", """{"name":"N","visible":"yes"}"""),
                ("the seeded metric's name", """{"name":"api RESPONSE time"}"""),
                ("a member it does not take", """{"name":"N","version":1}"""))],
        ["GET /admin/metrics/{metricId}"] = _ => Ids("metrics/{0}", HttpMethod.Get),
        ["PATCH /admin/metrics/{metricId}"] = s => [.. Ids("metrics/{0}", HttpMethod.Patch, "{}"),
            .. Body(HttpMethod.Patch, $"metrics/{s.MetricId}", """{"suffix":"ms"}""",
                ("blank name", """{"name":" "}"""),
                ("1 MB name", $$"""{"name":"{{Huge}}"}"""),
                ("decimals 9", """{"decimals":9}"""),
                ("visible a number", """{"visible":1}"""),
                ("a member it does not take", """{"version":1}""")),
            .. IfMatchCases(HttpMethod.Patch, $"metrics/{s.MetricId}", """{"suffix":"ms"}""")],
        ["DELETE /admin/metrics/{metricId}"] = s => [.. Ids("metrics/{0}", HttpMethod.Delete), .. IfMatchCases(HttpMethod.Delete, $"metrics/{s.MetricId}", null)],
        ["POST /admin/metrics/{metricId}/points"] = s => [.. Ids("metrics/{0}/points", HttpMethod.Post, """{"value":1}"""),
            .. Body(HttpMethod.Post, $"metrics/{s.MetricId}/points", null,
                ("no value", "{}"),
                ("value a string", """{"value":"fast"}"""),
                ("value a quoted number", """{"value":"12.5"}"""),
                ("value a quoted largest number", """{"value":"1.7e308"}"""),
                ("value out of range", """{"value":1e999}"""),
                ("value NaN", """{"value":"NaN"}"""),
                ("points and a value", """{"value":1,"points":[]}"""),
                ("no points", """{"points":[]}"""),
                ("points an object", """{"points":{}}"""),
                ("a null point", """{"points":[null]}"""),
                ("a point without a timestamp", """{"points":[{"value":1}]}"""),
                ("a point without a value", """{"points":[{"timestamp":"2026-01-05T08:00:00Z"}]}"""),
                ("a timestamp without an offset", """{"points":[{"timestamp":"2026-01-05T08:00:00","value":1}]}"""),
                ("a timestamp not a date", """{"points":[{"timestamp":"yesterday","value":1}]}"""),
                ("a timestamp in the future", """{"points":[{"timestamp":"2026-01-05T09:06:00Z","value":1}]}"""),
                ("1001 points", "{\"points\":[" + string.Join(",", Enumerable.Repeat("""{"timestamp":"2026-01-05T08:00:00Z","value":1}""", 1001)) + "]}"),
                ("a member it does not take", """{"value":1,"unit":"ms"}"""))],
        ["POST /admin/pages/{pageId}/import/statuspage"] = s => [.. Ids("pages/{0}/import/statuspage", HttpMethod.Post, """{"incidents":[]}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/statuspage", """{"incidents":[]}""",
                ("no incidents member", """{"page":{"id":"x"}}"""),
                ("incidents an object", """{"incidents":{}}"""),
                ("an incident a string", """{"incidents":["x"]}"""),
                ("an incident without id", """{"incidents":[{"name":"N","status":"resolved","impact":"minor","created_at":"2025-01-01T00:00:00Z","incident_updates":[]}]}"""),
                ("an id a number", """{"incidents":[{"id":42,"name":"N","status":"resolved","impact":"minor","created_at":"2025-01-01T00:00:00Z","incident_updates":[]}]}"""),
                ("an unknown status", """{"incidents":[{"id":"a","name":"N","status":"fixed","impact":"minor","created_at":"2025-01-01T00:00:00Z","incident_updates":[]}]}"""),
                ("an unknown impact", """{"incidents":[{"id":"a","name":"N","status":"resolved","impact":"apocalyptic","created_at":"2025-01-01T00:00:00Z","incident_updates":[]}]}"""),
                ("created_at not a time", """{"incidents":[{"id":"a","name":"N","status":"resolved","impact":"minor","created_at":"last week","incident_updates":[]}]}"""),
                ("created_at without offset", """{"incidents":[{"id":"a","name":"N","status":"resolved","impact":"minor","created_at":"2025-01-01T00:00:00","incident_updates":[]}]}"""),
                ("an update without created_at", """{"incidents":[{"id":"a","name":"N","status":"resolved","impact":"minor","created_at":"2025-01-01T00:00:00Z","incident_updates":[{"status":"resolved","body":"B"}]}]}"""),
                ("a component without name", """{"incidents":[{"id":"a","name":"N","status":"resolved","impact":"minor","created_at":"2025-01-01T00:00:00Z","incident_updates":[],"components":[{"id":"c"}]}]}"""),
                ("6 MB document", $$"""{"incidents":[],"page":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}"""))],
        ["POST /admin/pages/{pageId}/import/statuspage/components"] = s => [.. Ids("pages/{0}/import/statuspage/components", HttpMethod.Post, """{"components":[]}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/statuspage/components", """{"components":[]}""",
                ("no components member", """{"page":{"id":"x"}}"""),
                ("components an object", """{"components":{}}"""),
                ("a component a string", """{"components":["x"]}"""),
                ("a component without id", """{"components":[{"name":"N"}]}"""),
                ("a component without name", """{"components":[{"id":"a"}]}"""),
                ("an empty name", """{"components":[{"id":"a","name":" "}]}"""),
                ("a name a number", """{"components":[{"id":"a","name":42}]}"""),
                ("position a string", """{"components":[{"id":"a","name":"N","position":"1"}]}"""),
                ("position a fraction", """{"components":[{"id":"a","name":"N","position":1.5}]}"""),
                ("group a string", """{"components":[{"id":"a","name":"N","group":"true"}]}"""),
                ("group_id a number", """{"components":[{"id":"a","name":"N","group_id":7}]}"""),
                ("a group's components an object", """{"components":[{"id":"g","name":"G","group":true,"components":{}}]}"""),
                ("a member id a number", """{"components":[{"id":"g","name":"G","group":true,"components":[7]}]}"""),
                ("only_show_if_degraded a string", """{"components":[{"id":"a","name":"N","only_show_if_degraded":"no"}]}"""),
                ("6 MB document", $$"""{"components":[],"page":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}"""))],
        ["POST /admin/pages/{pageId}/import/subscribers"] = s => [.. Ids("pages/{0}/import/subscribers", HttpMethod.Post, """{"subscribers":[]}"""),
            Admin("preVerified=maybe", HttpMethod.Post, $"pages/{s.PageId}/import/subscribers?preVerified=maybe", HttpStatusCode.BadRequest)
                with { Body = """{"subscribers":[]}""" },
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/subscribers", """{"subscribers":[]}""",
                ("no subscribers member", """{"page":{"id":"x"}}"""),
                ("subscribers an object", """{"subscribers":{}}"""),
                ("a subscriber a string", """{"subscribers":["a@example.com"]}"""),
                ("a member it does not take", """{"subscribers":[{"destination":"a@example.com","component":["API"]}]}"""),
                ("components a string", """{"subscribers":[{"destination":"a@example.com","components":"API"}]}"""),
                ("a component name a number", """{"subscribers":[{"destination":"a@example.com","components":[7]}]}"""),
                ("destination a number", """{"subscribers":[{"destination":7}]}"""),
                ("an unknown event", """{"subscribers":[{"destination":"a@example.com","notifyOn":["never"]}]}"""),
                ("no events", """{"subscribers":[{"destination":"a@example.com","notifyOn":[]}]}"""),
                ("6 MB document", $$"""{"subscribers":[],"page":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}""")),
            .. new (string Name, string Body)[]
            {
                ("an empty CSV", string.Empty),
                ("a CSV without an email column", "name,components\nx,API\n"),
                ("a CSV naming a column twice", "email,EMAIL\na@example.com,b@example.com\n"),
                ("a CSV quote never closed", "email\n\"a@example.com\n"),
                ("a CSV with text after a closing quote", "email\n\"a@example.com\"x\n"),
                ("a CSV of 10,001 rows", "email\n" + string.Concat(Enumerable.Range(0, 10_001).Select(i => $"u{i}@example.com\n"))),
                ("a 6 MB CSV", "email,note\n" + string.Concat(Enumerable.Repeat(Huge, 6))),
            }.Select(bad => Admin(bad.Name, HttpMethod.Post, $"pages/{s.PageId}/import/subscribers", HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge)
                with { Body = bad.Body, ContentType = "text/csv" })],
        ["POST /admin/pages/{pageId}/import/statuspage/maintenances"] = s => [.. Ids("pages/{0}/import/statuspage/maintenances", HttpMethod.Post, """{"scheduled_maintenances":[]}"""),
            Admin("notifySubscribers=maybe", HttpMethod.Post, $"pages/{s.PageId}/import/statuspage/maintenances?notifySubscribers=maybe", HttpStatusCode.BadRequest)
                with { Body = """{"scheduled_maintenances":[]}""" },
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/statuspage/maintenances", """{"scheduled_maintenances":[]}""",
                ("no scheduled_maintenances member", """{"page":{"id":"x"}}"""),
                ("scheduled_maintenances an object", """{"scheduled_maintenances":{}}"""),
                ("a maintenance a string", """{"scheduled_maintenances":["x"]}"""),
                ("a maintenance without id", """{"scheduled_maintenances":[{"name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[]}]}"""),
                ("an id a number", """{"scheduled_maintenances":[{"id":42,"name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[]}]}"""),
                ("an incident's status", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"resolved","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[]}]}"""),
                ("scheduled_for missing", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[]}]}"""),
                ("scheduled_until not a time", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"later","incident_updates":[]}]}"""),
                ("created_at without offset", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"completed","created_at":"2025-01-01T00:00:00","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[]}]}"""),
                ("incident_updates missing", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z"}]}"""),
                ("an update without created_at", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[{"status":"completed","body":"B"}]}]}"""),
                ("a component without name", """{"scheduled_maintenances":[{"id":"a","name":"N","status":"completed","created_at":"2025-01-01T00:00:00Z","scheduled_for":"2025-01-02T00:00:00Z","scheduled_until":"2025-01-02T01:00:00Z","incident_updates":[],"components":[{"id":"c"}]}]}"""),
                ("6 MB document", $$"""{"scheduled_maintenances":[],"page":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}"""))],
        ["POST /admin/pages/{pageId}/import/cachet/components"] = s => [.. Ids("pages/{0}/import/cachet/components", HttpMethod.Post, """{"data":[]}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/cachet/components", """{"data":[]}""",
                ("no data member", """{"meta":{}}"""),
                ("data an object", """{"data":{}}"""),
                ("a component a string", """{"data":["x"]}"""),
                ("a component without id", """{"data":[{"name":"N"}]}"""),
                ("an id a fraction", """{"data":[{"id":1.5,"name":"N"}]}"""),
                ("a component without name", """{"data":[{"id":1}]}"""),
                ("an empty name", """{"data":[{"id":1,"name":" "}]}"""),
                ("order a word", """{"data":[{"id":1,"name":"N","order":"first"}]}"""),
                ("enabled a word", """{"data":[{"id":1,"name":"N","enabled":"yes"}]}"""),
                ("group_id a boolean", """{"data":[{"id":1,"name":"N","group_id":true}]}"""),
                ("one page of several", """{"data":[],"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}}}"""),
                ("components not a list", """{"components":[]}"""),
                ("a group without name", """{"components":{"data":[]},"groups":{"data":[{"id":1}]}}"""),
                ("6 MB document", $$"""{"data":[],"meta":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}"""))],
        ["POST /admin/pages/{pageId}/import/cachet/incidents"] = s => [.. Ids("pages/{0}/import/cachet/incidents", HttpMethod.Post, """{"data":[]}"""),
            Admin("timeZone=Mars/Olympus", HttpMethod.Post, $"pages/{s.PageId}/import/cachet/incidents?timeZone=Mars/Olympus", HttpStatusCode.BadRequest)
                with { Body = """{"data":[]}""" },
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/cachet/incidents", """{"data":[]}""",
                ("no data member", """{"meta":{}}"""),
                ("data an object", """{"data":{}}"""),
                ("an incident a string", """{"data":["x"]}"""),
                ("an incident without id", """{"data":[{"name":"N","status":4,"created_at":"2025-01-01 00:00:00"}]}"""),
                ("an incident without status", """{"data":[{"id":1,"name":"N","created_at":"2025-01-01 00:00:00"}]}"""),
                ("an unknown status", """{"data":[{"id":1,"name":"N","status":9,"created_at":"2025-01-01 00:00:00"}]}"""),
                ("a status a word", """{"data":[{"id":1,"name":"N","status":"fixed","created_at":"2025-01-01 00:00:00"}]}"""),
                ("an incident without name", """{"data":[{"id":1,"status":4,"created_at":"2025-01-01 00:00:00"}]}"""),
                ("created_at not a time", """{"data":[{"id":1,"name":"N","status":4,"created_at":"last week"}]}"""),
                ("visible a word", """{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","visible":"no"}]}"""),
                ("updates an object", """{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","updates":{}}]}"""),
                ("an update without created_at", """{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","updates":[{"status":4,"message":"M"}]}]}"""),
                ("component_id a word", """{"data":[{"id":1,"name":"N","status":4,"created_at":"2025-01-01 00:00:00","component_id":"api"}]}"""),
                ("one page of several", """{"data":[],"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}}}"""),
                ("incidents not a list", """{"incidents":[]}"""),
                ("a component without name", """{"incidents":{"data":[]},"components":{"data":[{"id":1}]}}"""),
                ("6 MB document", $$"""{"data":[],"meta":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}"""))],
        ["POST /admin/pages/{pageId}/import/cachet/schedules"] = s => [.. Ids("pages/{0}/import/cachet/schedules", HttpMethod.Post, """{"data":[]}"""),
            Admin("timeZone=Mars/Olympus", HttpMethod.Post, $"pages/{s.PageId}/import/cachet/schedules?timeZone=Mars/Olympus", HttpStatusCode.BadRequest)
                with { Body = """{"data":[]}""" },
            Admin("notifySubscribers=maybe", HttpMethod.Post, $"pages/{s.PageId}/import/cachet/schedules?notifySubscribers=maybe", HttpStatusCode.BadRequest)
                with { Body = """{"data":[]}""" },
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/import/cachet/schedules", """{"data":[]}""",
                ("no data member", """{"meta":{}}"""),
                ("data an object", """{"data":{}}"""),
                ("a schedule a string", """{"data":["x"]}"""),
                ("a schedule without id", """{"data":[{"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}"""),
                ("a schedule without name", """{"data":[{"id":1,"status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}"""),
                ("a schedule without status", """{"data":[{"id":1,"name":"N","scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}"""),
                ("an unknown status", """{"data":[{"id":1,"name":"N","status":3,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}"""),
                ("a status a word", """{"data":[{"id":1,"name":"N","status":"Complete","scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00"}]}"""),
                ("scheduled_at missing", """{"data":[{"id":1,"name":"N","status":2,"created_at":"2024-12-01 00:00:00"}]}"""),
                ("completed_at not a time", """{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","completed_at":"later","created_at":"2024-12-01 00:00:00"}]}"""),
                ("created_at missing", """{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00"}]}"""),
                ("components an object", """{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","components":{}}]}"""),
                ("a component without component_id", """{"data":[{"id":1,"name":"N","status":2,"scheduled_at":"2025-01-01 00:00:00","created_at":"2024-12-01 00:00:00","components":[{"id":3}]}]}"""),
                ("one page of several", """{"data":[],"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}}}"""),
                ("schedules not a list", """{"schedules":[]}"""),
                ("a component without name", """{"schedules":{"data":[]},"components":{"data":[{"id":1}]}}"""),
                ("6 MB document", $$"""{"data":[],"meta":"{{string.Concat(Enumerable.Repeat(Huge, 6))}}"}"""))],
        ["GET /admin/incidents/{incidentId}"] = _ => Ids("incidents/{0}", HttpMethod.Get),
        ["PATCH /admin/incidents/{incidentId}"] = s => [.. Ids("incidents/{0}", HttpMethod.Patch, "{}"),
            .. Body(HttpMethod.Patch, $"incidents/{s.IncidentId}", """{"title":"Same"}""",
                ("blank title", """{"title":" "}"""),
                ("unknown severity", """{"severity":"x"}"""),
                ("unknown component", $$"""{"componentIds":["{{Guid.NewGuid()}}"]}""")),
            .. IfMatchCases(HttpMethod.Patch, $"incidents/{s.IncidentId}", """{"title":"Same"}""")],
        ["DELETE /admin/incidents/{incidentId}"] = s => [.. Ids("incidents/{0}", HttpMethod.Delete), .. IfMatchCases(HttpMethod.Delete, $"incidents/{s.IncidentId}", null)],
        ["PUT /admin/incidents/{incidentId}/postmortem"] = s => [.. Ids("incidents/{0}/postmortem", HttpMethod.Put, """{"body":"What happened"}"""),
            .. Body(HttpMethod.Put, $"incidents/{s.IncidentId}/postmortem", """{"body":"What happened"}""",
                ("no body member", "{}"),
                ("blank body", """{"body":"  "}"""),
                ("body a number", """{"body":42}"""),
                ("body with NUL", """{"body":"a\u0000b"}"""),
                ("1 MB body", $$"""{"body":"{{Huge}}"}"""),
                ("notifySubscribers a string", """{"body":"What happened","notifySubscribers":"yes"}"""),
                ("an open incident's", """{"body":"What happened"}""")),
            .. IfMatchCases(HttpMethod.Put, $"incidents/{s.IncidentId}/postmortem", """{"body":"What happened"}""")],
        ["DELETE /admin/incidents/{incidentId}/postmortem"] = s => [.. Ids("incidents/{0}/postmortem", HttpMethod.Delete),
            .. IfMatchCases(HttpMethod.Delete, $"incidents/{s.IncidentId}/postmortem", null)],
        ["POST /admin/incidents/{incidentId}/updates"] = s => [.. Ids("incidents/{0}/updates", HttpMethod.Post, """{"state":"identified","message":"M"}"""),
            .. Body(HttpMethod.Post, $"incidents/{s.IncidentId}/updates", null,
                ("no state", """{"message":"M"}"""),
                ("unknown state", """{"state":"x","message":"M"}"""),
                ("no message", """{"state":"identified"}"""),
                ("1 MB message", $$"""{"state":"identified","message":"{{Huge}}"}"""),
                ("templateId not a guid", """{"templateId":"fix-deployed"}"""),
                ("unknown templateId", $$"""{"templateId":"{{Guid.NewGuid()}}","state":"identified"}"""),
                ("a template without a state and no state", $$"""{"templateId":"{{s.TemplateId}}"}"""),
                ("templateId and an unknown state", $$"""{"templateId":"{{s.TemplateId}}","state":"x"}"""),
                ("templateId and a 1 MB message", $$"""{"templateId":"{{s.TemplateId}}","state":"identified","message":"{{Huge}}"}"""))],
        ["GET /admin/pages/{pageId}/subscribers"] = s => [.. Ids("pages/{0}/subscribers", HttpMethod.Get), .. ListQueries($"pages/{s.PageId}/subscribers", withState: false)],
        ["POST /admin/pages/{pageId}/subscribers"] = s => [.. Ids("pages/{0}/subscribers", HttpMethod.Post, """{"channel":"email","destination":"a@example.com"}"""),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/subscribers", """{"channel":"email","destination":"valid@example.com"}""",
                ("unknown channel", """{"channel":"pigeon","destination":"a@example.com"}"""),
                ("no destination", """{"channel":"email"}"""),
                ("not an email", """{"channel":"email","destination":"not an address"}"""),
                ("1 MB destination", $$"""{"channel":"email","destination":"{{Huge}}@example.com"}"""),
                ("webhook not a URL", """{"channel":"webhook","destination":"::::"}"""),
                ("teams not https", """{"channel":"teams","destination":"http://flows.example.com/workflows/a1"}"""),
                ("discord not a Discord webhook", """{"channel":"discord","destination":"https://hooks.example.com/api/webhooks/1/token"}"""),
                ("sms without a country code", """{"channel":"sms","destination":"4155550123"}"""),
                ("sms too short", """{"channel":"sms","destination":"+1 415 555"}"""),
                ("sms with letters", """{"channel":"sms","destination":"+1 415 CALL NOW"}"""),
                ("sms no country gives out", """{"channel":"sms","destination":"+1 555 123 4567"}"""),
                ("empty notifyOn", """{"channel":"email","destination":"b@example.com","notifyOn":[]}"""),
                ("unknown event", """{"channel":"email","destination":"b@example.com","notifyOn":["x"]}"""),
                ("a null event", """{"channel":"email","destination":"b@example.com","notifyOn":[null]}"""),
                ("unknown component", $$"""{"channel":"email","destination":"c@example.com","componentIds":["{{Guid.NewGuid()}}"]}"""),
                ("unknown incident", $$"""{"channel":"email","destination":"c@example.com","incidentId":"{{Guid.NewGuid()}}"}"""),
                ("incidentId not an id", """{"channel":"email","destination":"c@example.com","incidentId":"x"}"""),
                ("incidentId with componentIds", $$"""{"channel":"email","destination":"c@example.com","incidentId":"{{s.IncidentId}}","componentIds":[]}"""),
                ("incidentId with notifyOn", $$"""{"channel":"email","destination":"c@example.com","incidentId":"{{s.IncidentId}}","notifyOn":["outage"]}"""))],
        ["GET /admin/subscribers/{subscriberId}"] = _ => Ids("subscribers/{0}", HttpMethod.Get),
        ["GET /admin/subscribers/{subscriberId}/notifications"] = s => [.. Ids("subscribers/{0}/notifications", HttpMethod.Get),
            .. ListQueries($"subscribers/{s.SubscriberId}/notifications", withState: true)],
        ["GET /admin/pages/{pageId}/notifications"] = s => [.. Ids("pages/{0}/notifications", HttpMethod.Get),
            .. ListQueries($"pages/{s.PageId}/notifications", withState: true)],
        ["GET /admin/pages/{pageId}/audit-log"] = s => [
            new Case("not a guid", HttpMethod.Get, $"{Prefix}/admin/pages/not-a-guid/audit-log", HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed),
            // A page id that names nothing and has no entries is a 404 problem; a deleted page's log stays readable.
            Admin("unknown page", HttpMethod.Get, $"pages/{Guid.NewGuid()}/audit-log", HttpStatusCode.NotFound),
            .. AuditLogQueries($"pages/{s.PageId}/audit-log")],
        ["POST /admin/subscribers/{subscriberId}/test"] = _ => Ids("subscribers/{0}/test", HttpMethod.Post),
        ["PATCH /admin/subscribers/{subscriberId}"] = s => [.. Ids("subscribers/{0}", HttpMethod.Patch, "{}"),
            .. Body(HttpMethod.Patch, $"subscribers/{s.SubscriberId}", """{"notifyOn":["all"]}""",
                ("empty notifyOn", """{"notifyOn":[]}"""),
                ("unknown event", """{"notifyOn":["x"]}"""),
                ("a null event", """{"notifyOn":[null]}"""),
                ("notifyOn a string", """{"notifyOn":"outage"}"""),
                ("unknown component", $$"""{"componentIds":["{{Guid.NewGuid()}}"]}"""),
                ("a repeated component", $$"""{"componentIds":["{{s.ComponentId}}","{{s.ComponentId}}"]}"""),
                ("componentIds not ids", """{"componentIds":["api"]}""")),
            // A follower of one incident hears all of its notices: it has neither components nor events to choose.
            Admin("a follower's componentIds", HttpMethod.Patch, $"subscribers/{s.FollowerId}", HttpStatusCode.BadRequest) with { Body = """{"componentIds":[]}""" },
            Admin("a follower's notifyOn", HttpMethod.Patch, $"subscribers/{s.FollowerId}", HttpStatusCode.BadRequest) with { Body = """{"notifyOn":["all"]}""" },
            .. IfMatchCases(HttpMethod.Patch, $"subscribers/{s.SubscriberId}", """{"notifyOn":["all"]}""")],
        ["POST /admin/subscribers/{subscriberId}/deactivate"] = s => [.. Ids("subscribers/{0}/deactivate", HttpMethod.Post),
            .. IfMatchCases(HttpMethod.Post, $"subscribers/{s.SubscriberId}/deactivate", null)],
        ["POST /admin/subscribers/{subscriberId}/reactivate"] = s => [.. Ids("subscribers/{0}/reactivate", HttpMethod.Post),
            .. IfMatchCases(HttpMethod.Post, $"subscribers/{s.SubscriberId}/reactivate", null)],
        ["POST /admin/subscribers/{subscriberId}/signing-secret"] = s => [.. Ids("subscribers/{0}/signing-secret", HttpMethod.Post),
            .. IfMatchCases(HttpMethod.Post, $"subscribers/{s.SubscriberId}/signing-secret", null)],
        ["DELETE /admin/subscribers/{subscriberId}"] = s => [.. Ids("subscribers/{0}", HttpMethod.Delete), .. IfMatchCases(HttpMethod.Delete, $"subscribers/{s.SubscriberId}", null)],
        ["GET /admin/pages/{pageId}/maintenance"] = s => [.. Ids("pages/{0}/maintenance", HttpMethod.Get), .. ListQueries($"pages/{s.PageId}/maintenance", withState: true)],
        ["POST /admin/pages/{pageId}/maintenance"] = s => [.. Ids("pages/{0}/maintenance", HttpMethod.Post, Window("2026-02-01T00:00:00Z", "2026-02-01T02:00:00Z")),
            .. Body(HttpMethod.Post, $"pages/{s.PageId}/maintenance", Window("2026-02-01T00:00:00Z", "2026-02-01T02:00:00Z"),
                ("no title", """{"startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-02-01T02:00:00Z"}"""),
                ("no times", """{"title":"W"}"""),
                ("startsAt not a date", Window("soon", "2026-02-01T02:00:00Z")),
                ("end before start", Window("2026-02-01T02:00:00Z", "2026-02-01T00:00:00Z")),
                ("the smallest start", Window("0001-01-01T00:00:00+14:00", "2026-02-01T02:00:00Z")),
                ("the largest end", Window("2026-02-01T00:00:00Z", "9999-12-31T23:59:59-14:00")),
                ("the edges of time", Window("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")),
                ("unknown zone", """{"title":"W","startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-02-01T02:00:00Z","timeZoneId":"Atlantis"}"""),
                ("bad recurrence", """{"title":"W","startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-02-01T02:00:00Z","recurrence":"FREQ=SOMETIMES"}"""),
                ("1 MB recurrence", $$"""{"title":"W","startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-02-01T02:00:00Z","recurrence":"{{Huge}}"}"""),
                ("recurrence at the end of time", """{"title":"W","startsAt":"9999-12-31T20:00:00Z","endsAt":"9999-12-31T21:00:00Z","recurrence":"FREQ=DAILY"}"""),
                ("excluded occurrence not a date", """{"title":"W","startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-02-01T02:00:00Z","recurrence":"FREQ=DAILY","excludedOccurrences":["x"]}"""),
                ("unknown component", $$"""{"title":"W","startsAt":"2026-02-01T00:00:00Z","endsAt":"2026-02-01T02:00:00Z","componentIds":["{{Guid.NewGuid()}}"]}"""))],
        ["GET /admin/maintenance/{windowId}"] = _ => Ids("maintenance/{0}", HttpMethod.Get),
        ["PATCH /admin/maintenance/{windowId}"] = s => [.. Ids("maintenance/{0}", HttpMethod.Patch, "{}"),
            .. Body(HttpMethod.Patch, $"maintenance/{s.WindowId}", """{"description":"Same"}""",
                ("blank title", """{"title":""}"""),
                ("end before start", """{"endsAt":"2026-01-01T00:00:00Z"}"""),
                ("the smallest start", """{"startsAt":"0001-01-01T00:00:00+14:00"}"""),
                ("the largest end", """{"endsAt":"9999-12-31T23:59:59-14:00"}"""),
                ("bad recurrence", """{"recurrence":"FREQ=WEEKLY;BYDAY=XX"}"""),
                ("unknown zone", """{"timeZoneId":"Atlantis"}""")),
            .. IfMatchCases(HttpMethod.Patch, $"maintenance/{s.WindowId}", """{"description":"Same"}""")],
        ["POST /admin/maintenance/{windowId}/cancel"] = s => [.. Ids("maintenance/{0}/cancel", HttpMethod.Post), .. IfMatchCases(HttpMethod.Post, $"maintenance/{s.WindowId}/cancel", null)],
        ["POST /admin/maintenance/{windowId}/start"] = s => [.. Ids("maintenance/{0}/start", HttpMethod.Post), .. IfMatchCases(HttpMethod.Post, $"maintenance/{s.WindowId}/start", null)],
        ["POST /admin/maintenance/{windowId}/complete"] = s => [.. Ids("maintenance/{0}/complete", HttpMethod.Post), .. IfMatchCases(HttpMethod.Post, $"maintenance/{s.WindowId}/complete", null)],
        ["DELETE /admin/maintenance/{windowId}"] = s => [.. Ids("maintenance/{0}", HttpMethod.Delete), .. IfMatchCases(HttpMethod.Delete, $"maintenance/{s.WindowId}", null)],
        ["POST /admin/signals"] = _ => Body(HttpMethod.Post, "signals", null,
            ("no incidentId", """{"teamId":"t","priority":"High","state":"triggered","version":1,"occurredAt":"2026-01-01T00:00:00Z"}"""),
            ("null teamId", """{"incidentId":"i","teamId":null,"priority":"High","state":"triggered","version":1,"occurredAt":"2026-01-01T00:00:00Z"}"""),
            ("unknown state", """{"incidentId":"i","teamId":"t","priority":"High","state":"x","version":1,"occurredAt":"2026-01-01T00:00:00Z"}"""),
            ("version a string", """{"incidentId":"i","teamId":"t","priority":"High","state":"triggered","version":"one","occurredAt":"2026-01-01T00:00:00Z"}"""),
            ("occurredAt not a date", """{"incidentId":"i","teamId":"t","priority":"High","state":"triggered","version":1,"occurredAt":"yesterday"}"""),
            ("1 MB incidentId", $$"""{"incidentId":"{{Huge}}","teamId":"t","priority":"High","state":"triggered","version":1,"occurredAt":"2026-01-01T00:00:00Z"}"""),
            ("1 MB title", $$"""{"incidentId":"i","teamId":"t","priority":"High","state":"triggered","version":1,"occurredAt":"2026-01-01T00:00:00Z","title":"{{Huge}}"}"""),
            ("NUL in teamId", """{"incidentId":"i","teamId":"t\u0000","priority":"High","state":"triggered","version":1,"occurredAt":"2026-01-01T00:00:00Z"}"""),
            ("a change under the stored version", """{"incidentId":"INC-seeded","teamId":"t","priority":"High","state":"resolved","version":1,"occurredAt":"2026-01-01T00:00:00Z"}""")),

        ["GET /{slug}"] = _ => [.. Page(""),
            Public("unknown metrics", "acme?metrics=year", HttpStatusCode.BadRequest) with { Problem = true },
            Public("metrics in capitals", "acme?metrics=WEEK", HttpStatusCode.BadRequest) with { Problem = true },
            Public("empty metrics", "acme?metrics=", HttpStatusCode.OK),
            Public("two metrics", "acme?metrics=week&metrics=month", HttpStatusCode.BadRequest) with { Problem = true },
            Public("huge metrics", $"acme?metrics={Huge[..4000]}", HttpStatusCode.BadRequest) with { Problem = true }],
        ["GET /{slug}/metrics-section"] = _ => [.. Page("/metrics-section"),
            Public("unknown metrics", "acme/metrics-section?metrics=year", HttpStatusCode.BadRequest) with { Problem = true },
            Public("metrics in capitals", "acme/metrics-section?metrics=WEEK", HttpStatusCode.BadRequest) with { Problem = true },
            Public("empty metrics", "acme/metrics-section?metrics=", HttpStatusCode.OK),
            Public("two metrics", "acme/metrics-section?metrics=week&metrics=month", HttpStatusCode.BadRequest) with { Problem = true },
            Public("huge metrics", $"acme/metrics-section?metrics={Huge[..4000]}", HttpStatusCode.BadRequest) with { Problem = true },
            Public("garbage If-None-Match with a range", "acme/metrics-section?metrics=week", HttpStatusCode.OK) with { IfNoneMatch = "garbage, W/" }],
        ["GET /{slug}/history"] = _ => [.. Page("/history"),
            Public("page not a number", "acme/history?page=abc", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("page negative", "acme/history?page=-1", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("page zero", "acme/history?page=0", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("page beyond int", "acme/history?page=99999999999", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("page huge", "acme/history?page=2147483647", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("maintenance_page not a number", "acme/history?maintenance_page=x", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("maintenance_page negative", "acme/history?maintenance_page=-3", HttpStatusCode.BadRequest, HttpStatusCode.NotFound)],
        ["GET /{slug}/incidents/{incidentId}"] = s => [.. Page($"/incidents/{s.IncidentId}"),
            Public("not a guid", "acme/incidents/nope", HttpStatusCode.NotFound),
            Public("unknown incident", $"acme/incidents/{Guid.NewGuid()}", HttpStatusCode.NotFound)],
        ["GET /{slug}/maintenance/{windowId}"] = s => [.. Page($"/maintenance/{s.WindowId}"),
            Public("not a guid", "acme/maintenance/nope", HttpStatusCode.NotFound),
            Public("unknown window", $"acme/maintenance/{Guid.NewGuid()}", HttpStatusCode.NotFound)],
        ["GET /{slug}/api/v2/summary.json"] = _ => Page("/api/v2/summary.json"),
        ["GET /{slug}/api/v2/status.json"] = _ => Page("/api/v2/status.json"),
        ["GET /{slug}/api/v2/components.json"] = _ => Page("/api/v2/components.json"),
        ["GET /{slug}/api/v2/incidents.json"] = _ => Page("/api/v2/incidents.json"),
        ["GET /{slug}/api/v2/incidents/unresolved.json"] = _ => Page("/api/v2/incidents/unresolved.json"),
        ["GET /{slug}/api/v2/scheduled-maintenances.json"] = _ => Page("/api/v2/scheduled-maintenances.json"),
        ["GET /{slug}/api/v2/scheduled-maintenances/upcoming.json"] = _ => Page("/api/v2/scheduled-maintenances/upcoming.json"),
        ["GET /{slug}/api/v2/scheduled-maintenances/active.json"] = _ => Page("/api/v2/scheduled-maintenances/active.json"),
        ["GET /{slug}/api/v2/metrics.json"] = _ => [.. Page("/api/v2/metrics.json"),
            Public("unknown range", "acme/api/v2/metrics.json?range=year", HttpStatusCode.BadRequest) with { Problem = true },
            Public("range in capitals", "acme/api/v2/metrics.json?range=DAY", HttpStatusCode.BadRequest) with { Problem = true },
            Public("two ranges", "acme/api/v2/metrics.json?range=day&range=week", HttpStatusCode.BadRequest) with { Problem = true }],
        ["GET /{slug}/events"] = _ => [.. UnknownSlugs("/events"),
            Public("garbage Last-Event-ID", "acme/events", HttpStatusCode.OK) with { Method = HttpMethod.Head, IfNoneMatch = "garbage" },
            Public("garbage version", $"acme/events?version=%00%ff{Huge[..4000]}", HttpStatusCode.OK) with { Method = HttpMethod.Head }],
        ["GET /{slug}/badge.svg"] = s => [.. Page("/badge.svg"),
            Public("component not a guid", "acme/badge.svg?component=nope", HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            Public("unknown component", $"acme/badge.svg?component={Guid.NewGuid()}", HttpStatusCode.NotFound),
            Public("uptime of an unknown component", $"acme/badge.svg?component={Guid.NewGuid()}&show=uptime", HttpStatusCode.NotFound),
            Public("unknown show", "acme/badge.svg?show=percent", HttpStatusCode.BadRequest) with { Problem = true },
            Public("show twice", "acme/badge.svg?show=uptime&show=status", HttpStatusCode.BadRequest) with { Problem = true },
            Public("huge show", $"acme/badge.svg?show={Huge[..4000]}", HttpStatusCode.BadRequest) with { Problem = true },
            Public("days zero", "acme/badge.svg?show=uptime&days=0", HttpStatusCode.BadRequest) with { Problem = true },
            Public("days beyond 90", "acme/badge.svg?show=uptime&days=91", HttpStatusCode.BadRequest) with { Problem = true },
            Public("days beyond int", "acme/badge.svg?show=uptime&days=99999999999", HttpStatusCode.BadRequest) with { Problem = true },
            Public("days not a number", "acme/badge.svg?show=uptime&days=%00%ff", HttpStatusCode.BadRequest) with { Problem = true },
            Public("days negative", $"acme/badge.svg?component={s.ComponentId}&show=uptime&days=-7", HttpStatusCode.BadRequest) with { Problem = true }],
        ["GET /{slug}/history.atom"] = _ => Page("/history.atom"),
        ["GET /{slug}/history.rss"] = _ => Page("/history.rss"),
        ["GET /{slug}/maintenance.ics"] = _ => Page("/maintenance.ics"),
        ["GET /{slug}/embed.js"] = _ => [.. Page("/embed.js"),
            Public("query it does not take", "acme/embed.js?position=nowhere&%ff=%00", HttpStatusCode.OK)],
        ["POST /{slug}/subscriptions"] = s => [.. UnknownSlugs("/subscriptions", HttpMethod.Post, """{"channel":"email","destination":"a@example.com"}"""),
            .. Subscribe("incident not an id", """{"channel":"email","destination":"a@example.com","incident":"x"}""", HttpStatusCode.BadRequest),
            .. Subscribe("incident a number", """{"channel":"email","destination":"a@example.com","incident":1}""", HttpStatusCode.BadRequest),
            .. Subscribe("unknown incident", $$"""{"channel":"email","destination":"a@example.com","incident":"{{Guid.NewGuid()}}"}""", HttpStatusCode.BadRequest),
            .. Subscribe("incident with components", $$"""{"channel":"email","destination":"a@example.com","incident":"{{s.IncidentId}}","components":[]}""", HttpStatusCode.BadRequest),
            .. Subscribe("incident with notifyOn", $$"""{"channel":"email","destination":"a@example.com","incident":"{{s.IncidentId}}","notifyOn":["outage"]}""", HttpStatusCode.BadRequest),
            new Case("form with a bad incident", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.BadRequest)
            {
                Body = "channel=email&destination=a%40example.com&incident=nope", ContentType = "application/x-www-form-urlencoded",
            },
            new Case("form with two incidents", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.BadRequest)
            {
                Body = $"channel=email&destination=a%40example.com&incident={s.IncidentId}&incident={s.IncidentId}", ContentType = "application/x-www-form-urlencoded",
            },
            .. Subscribe("malformed JSON", """{"channel":""", HttpStatusCode.BadRequest),
            .. Subscribe("empty body", string.Empty, HttpStatusCode.BadRequest),
            .. Subscribe("null", "null", HttpStatusCode.BadRequest),
            .. Subscribe("an array", "[]", HttpStatusCode.BadRequest),
            .. Subscribe("unknown channel", """{"channel":"pigeon","destination":"a@example.com"}""", HttpStatusCode.BadRequest),
            .. Subscribe("channel a number", """{"channel":1,"destination":"a@example.com"}""", HttpStatusCode.BadRequest),
            .. Subscribe("no destination", """{"channel":"email"}""", HttpStatusCode.BadRequest),
            .. Subscribe("teams not a URL", """{"channel":"teams","destination":"flows.example.com/workflows/a1"}""", HttpStatusCode.BadRequest),
            .. Subscribe("discord not a webhook URL", """{"channel":"discord","destination":"https://discord.com/channels/1/2"}""", HttpStatusCode.BadRequest),
            .. Subscribe("sms not a phone number", """{"channel":"sms","destination":"call me"}""", HttpStatusCode.BadRequest),
            .. Subscribe("sms with 16 digits", """{"channel":"sms","destination":"+1234567890123456"}""", HttpStatusCode.BadRequest),
            .. Subscribe("sms of no country", """{"channel":"sms","destination":"+99999999999"}""", HttpStatusCode.BadRequest),
            .. Subscribe("components not guids", """{"channel":"email","destination":"a@example.com","components":["x"]}""", HttpStatusCode.BadRequest),
            .. Subscribe("empty notifyOn", """{"channel":"email","destination":"a@example.com","notifyOn":[]}""", HttpStatusCode.BadRequest),
            .. Subscribe("a null event", """{"channel":"email","destination":"a@example.com","notifyOn":[null]}""", HttpStatusCode.BadRequest),
            .. Subscribe("the admin API's componentIds", """{"channel":"email","destination":"a@example.com","componentIds":[]}""", HttpStatusCode.BadRequest),
            .. Subscribe("1 MB destination", $$"""{"channel":"email","destination":"{{Huge}}"}""", HttpStatusCode.RequestEntityTooLarge),
            new Case("plain text", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.UnsupportedMediaType)
            {
                Body = """{"channel":"email","destination":"a@example.com"}""", ContentType = "text/plain", Problem = true,
                Expects = ["application/json", "application/x-www-form-urlencoded"],
            },
            new Case("multipart form", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.UnsupportedMediaType)
            {
                Body = "--b\r\nContent-Disposition: form-data; name=\"channel\"\r\n\r\nemail\r\n--b--\r\n", ContentType = "multipart/form-data; boundary=b",
                Problem = true, Expects = ["application/json", "application/x-www-form-urlencoded"],
            },
            new Case("no Content-Type", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.UnsupportedMediaType)
            {
                Problem = true, Expects = ["application/json", "application/x-www-form-urlencoded"],
            },
            new Case("JSON with an unknown charset", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.UnsupportedMediaType)
            {
                Body = """{"channel":"email","destination":"a@example.com"}""", ContentType = "application/json; charset=ebcdic",
                Problem = true, Expects = ["UTF-8", "application/json"],
            },
            new Case("form with a bad component", HttpMethod.Post, $"{Prefix}/acme/subscriptions", HttpStatusCode.BadRequest)
            {
                Body = "channel=email&destination=a%40example.com&components=nope", ContentType = "application/x-www-form-urlencoded",
            }],
        ["GET /{slug}/subscriptions/verify"] = _ => Tokens("/subscriptions/verify", HttpMethod.Get),
        ["POST /{slug}/subscriptions/verify"] = _ => Tokens("/subscriptions/verify", HttpMethod.Post),
        ["GET /{slug}/subscriptions/unsubscribe"] = _ => Tokens("/subscriptions/unsubscribe", HttpMethod.Get),
        ["POST /{slug}/subscriptions/unsubscribe"] = _ => Tokens("/subscriptions/unsubscribe", HttpMethod.Post),
        ["GET /{slug}/subscriptions/manage"] = _ => Tokens("/subscriptions/manage", HttpMethod.Get),
        ["POST /{slug}/subscriptions/manage"] = s => [.. Tokens("/subscriptions/manage", HttpMethod.Post),
            // A follower of one incident has no choice to make: a script's is a problem naming the member, a person's
            // form the page again with the reason.
            .. new[] { ("a follower's components", """{"components":[]}"""), ("a follower's notifyOn", """{"notifyOn":["outage"]}""") }.Select(bad =>
                new Case(bad.Item1, HttpMethod.Post, $"{Prefix}/acme/subscriptions/manage?token={s.FollowerToken}", HttpStatusCode.BadRequest)
                {
                    Body = bad.Item2, Accept = "application/json", Problem = true,
                }),
            new Case("a follower's form with events", HttpMethod.Post, $"{Prefix}/acme/subscriptions/manage?token={s.FollowerToken}", HttpStatusCode.BadRequest)
            {
                Body = "notifyOn=outage", ContentType = "application/x-www-form-urlencoded",
            }],
    };

    public async Task InitializeAsync()
    {
        _app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddStatusPages().AddStatusPageEndpoints(o =>
                {
                    // Every bad subscription request is to be answered for what it is, not for how many came before it.
                    o.SubscriptionPermitLimit = 1_000;
                    o.SubscriptionDestinationPermitLimit = 1_000;
                    o.TokenLinkPermitLimit = 1_000;
                });
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Email));
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Webhook));
                services.AddSingleton<INotifier>(new RecordingNotifier(SubscriberChannel.Sms));
            },
            app => app.MapStatusPages(Prefix));
        var services = App.Services;
        var page = await services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme" });
        var component = await services.GetRequiredService<ComponentService>().CreateAsync(new CreateComponent { PageId = page.Id, Name = "API" });
        var incident = await services.GetRequiredService<StatusIncidentService>().CreateAsync(new CreateStatusIncident
        {
            PageId = page.Id, Title = "Slow", Message = "Looking", ComponentIds = [component.Id],
        });
        var subscription = await services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true,
        });
        var window = await services.GetRequiredService<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = page.Id, Title = "Upgrade", StartsAt = _clock.GetUtcNow().AddDays(1), EndsAt = _clock.GetUtcNow().AddDays(1).AddHours(1),
            ComponentIds = [component.Id],
        });
        await services.GetRequiredService<StatusKit.Engine.IIncidentIntake>().ReportIncidentAsync(
            new IncidentSignal { IncidentId = "INC-seeded", TeamId = "t", Priority = "High", State = PlatformIncidentState.Triggered, Version = 1, OccurredAt = _clock.GetUtcNow() },
            CancellationToken.None);
        var template = await services.GetRequiredService<IncidentTemplateService>().CreateAsync(new CreateIncidentTemplate
        {
            PageId = page.Id, Name = "Database down", Title = "Database unavailable", Message = "Looking", ComponentIds = [component.Id],
        });
        var follower = await services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
        {
            PageId = page.Id, Channel = SubscriberChannel.Email, Destination = "ops@example.com", PreVerified = true, StatusIncidentId = incident.Id,
        });
        var metric = await services.GetRequiredService<PageMetricService>().CreateAsync(new CreatePageMetric
        {
            PageId = page.Id, Name = "API response time", Suffix = "ms",
        });
        _seeded = new Seeded(
            page.Id, component.Id, incident.Id, subscription.Subscriber.Id, window.Id, template.Id, follower.Subscriber.Id, follower.UnsubscribeToken,
            metric.Id);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public void Every_route_has_bad_input_cases()
    {
        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != HttpMethods.Head)
                .Select(m => $"{m} {Constraint().Replace(e.RoutePattern.RawText![Prefix.Length..], string.Empty).TrimEnd('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        var honouringIfMatch = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<RequestHeaderMetadata>().Any(h => h.Name == "If-Match"))
            .Select(e => $"{e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0]} {Constraint().Replace(e.RoutePattern.RawText![Prefix.Length..], string.Empty)}")
            .ToList();

        Assert.Empty(mapped.Except(Routes.Keys));
        Assert.Empty(Routes.Keys.Except(mapped));
        Assert.NotEmpty(honouringIfMatch);
        Assert.All(honouringIfMatch, route => Assert.Contains(Routes[route](Seed), c => c.IfMatch is not null));
    }

    [Fact]
    public async Task No_bad_request_is_a_server_error_and_each_is_refused_as_its_route_promises()
    {
        using var client = App.Client();
        var before = await RecordsAsync(client);
        var failures = new List<string>();

        foreach (var (route, cases) in Routes)
        {
            foreach (var @case in cases(Seed))
            {
                using var response = await client.SendAsync(Request(@case), HttpCompletionOption.ResponseHeadersRead);
                var failure = await CheckAsync(@case, response);
                if (failure is not null)
                {
                    failures.Add($"{route} [{@case.Name}]: {failure}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await RecordsAsync(client));
    }

    [Fact]
    public void Names_slugs_and_destinations_of_any_text_are_kept_as_sent_or_refused_with_a_problem_Meets_Specification()
    {
        using var client = App.Client();
        var anyText = ArbMap.Default.ArbFor<string>().Generator.Where(s => s is not null);
        // Mostly what slugs and addresses are made of, so that many are accepted, with whitespace, NUL and a lone
        // surrogate (which JSON can carry as an escape, but no store should keep) among them.
        var likely = Gen.Elements("a", "z", "0", "9", "-", ".", "_", "+", "A", " ", "\t", "é", "\u0000", "\ud800").ArrayOf().Select(string.Concat);
        var texts = Gen.OneOf(anyText, likely).ToArbitrary();

        var property = Prop.ForAll(texts, text =>
        {
            var json = JsonText(text);
            var address = text + "@example.com";
            return KeptAsSent(client, "pages", $$"""{"name":{{json}}}""", "name", text.Trim())
                && KeptAsSent(client, "pages", $$"""{"name":"Slug","slug":{{json}}}""", "slug", text)
                && KeptAsSent(client, $"pages/{Seed.PageId}/components", $$"""{"name":{{json}}}""", "name", text.Trim())
                && KeptAsSent(client, $"pages/{Seed.PageId}/subscribers", $$"""{"channel":"email","destination":{{JsonText(address)}}}""", "destination", address.Trim());
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property);
    }

    // Creates through the admin API: refused with a problem that says why, or created with the member as the services
    // keep it (names trimmed), in the answer and when read back.
    private static bool KeptAsSent(HttpClient client, string path, string body, string member, string kept)
    {
        using var response = Send(client, HttpMethod.Post, $"{Prefix}/admin/{path}", body);
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            var said = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                && JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 0;
            return said ? true : throw new InvalidOperationException($"{response.StatusCode} without a problem: {text}");
        }

        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"{body} got {(int)response.StatusCode}: {text}");
        }

        using var read = client.GetAsync(response.Headers.Location).GetAwaiter().GetResult();
        var stored = JsonDocument.Parse(read.Content.ReadAsStringAsync().GetAwaiter().GetResult()).RootElement.GetProperty(member).GetString();
        var answered = JsonDocument.Parse(text).RootElement.GetProperty(member).GetString();
        return stored == kept && answered == kept
            ? true
            : throw new InvalidOperationException($"{member}: sent {body}, answered {Escape(answered)}, read back {Escape(stored)}");
    }

    private static HttpResponseMessage Send(HttpClient client, HttpMethod method, string path, string body) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") }).GetAwaiter().GetResult();

    // JSON string text with every character outside printable ASCII escaped, so lone surrogates reach the server as sent.
    private static string JsonText(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var ch in value)
        {
            builder.Append(ch is < ' ' or > '~' or '"' or '\\' ? $"\\u{(int)ch:x4}" : ch.ToString());
        }

        return builder.Append('"').ToString();
    }

    private static string Escape(string? value) => value is null ? "(null)" : JsonText(value);

    private static async Task<string?> CheckAsync(Case @case, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return $"{status}: {await response.Content.ReadAsStringAsync()}";
        }

        if (!@case.Allowed.Contains(response.StatusCode))
        {
            var body = @case.Method == HttpMethod.Get && response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                ? "(a stream)"
                : await response.Content.ReadAsStringAsync();
            return $"{status} (expected {string.Join("/", @case.Allowed.Select(a => (int)a))}): {Shorten(body)}";
        }

        if (!@case.Problem || status < 400)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content"}, not problem details";
        }

        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var said = problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 }
            || problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any();
        if (!said)
        {
            return $"{status} problem says nothing: {problem}";
        }

        if (response.StatusCode == HttpStatusCode.UnsupportedMediaType
            && (!problem.TryGetProperty("status", out var code) || code.GetInt32() != 415
                || @case.Expects.Any(type => !detail.GetString()!.Contains(type, StringComparison.Ordinal))))
        {
            return $"415 problem does not name {string.Join(" and ", @case.Expects)}: {problem}";
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static HttpRequestMessage Request(Case @case)
    {
        var request = new HttpRequestMessage(@case.Method, @case.Path);
        if (@case.Body is not null)
        {
            request.Content = new StringContent(@case.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(@case.ContentType);
        }

        if (@case.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", @case.IfMatch);
        }

        if (@case.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", @case.Accept);
        }

        if (@case.IfNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", @case.IfNoneMatch);
            request.Headers.TryAddWithoutValidation("Last-Event-ID", @case.IfNoneMatch);
        }

        return request;
    }

    // The seeded records as the admin API reads them: a bad request must change none of them.
    private async Task<string> RecordsAsync(HttpClient client)
    {
        var paths = new[]
        {
            $"pages/{Seed.PageId}", $"components/{Seed.ComponentId}", $"incidents/{Seed.IncidentId}", $"subscribers/{Seed.SubscriberId}",
            $"maintenance/{Seed.WindowId}", $"pages/{Seed.PageId}/components", $"incident-templates/{Seed.TemplateId}", $"subscribers/{Seed.FollowerId}",
            $"metrics/{Seed.MetricId}",
        };
        var records = new StringBuilder();
        foreach (var path in paths)
        {
            records.AppendLine(await client.GetStringAsync($"{Prefix}/admin/{path}"));
        }

        return records.ToString();
    }

    private static Case Admin(string name, HttpMethod method, string path, params HttpStatusCode[] allowed) =>
        new(name, method, $"{Prefix}/admin/{path}", allowed) { Problem = true };

    private static Case Public(string name, string path, params HttpStatusCode[] allowed) =>
        new(name, HttpMethod.Get, $"{Prefix}/{path}", allowed);

    // A route's ids: one that is not a guid (no route matches: 404) and one that names nothing (a 404 problem).
    private static IEnumerable<Case> Ids(string pattern, HttpMethod method, string? body = null)
    {
        yield return new Case("not a guid", method, $"{Prefix}/admin/{string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, "not-a-guid")}", HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed)
        {
            Body = body,
        };
        yield return Admin("unknown id", method, string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, Guid.NewGuid()), HttpStatusCode.NotFound) with { Body = body };
    }

    // The bad bodies every JSON route gets, and its own; a body it would accept goes with the wrong content types.
    private static IEnumerable<Case> Body(HttpMethod method, string path, string? valid, params (string Name, string Body)[] bad)
    {
        var generic = new (string, string)[]
        {
            ("malformed JSON", """{"name": """),
            ("truncated string", """{"name":"abc"""),
            ("trailing garbage", """{} x"""),
            ("empty body", string.Empty),
            ("null", "null"),
            ("an array", "[]"),
            ("a number", "42"),
            ("a string", "\"text\""),
            ("deep nesting", new string('[', 1000) + new string(']', 1000)),
            ("1 MB of whitespace", Huge.Replace('x', ' ')),
        };
        foreach (var (name, body) in generic.Concat(bad))
        {
            yield return Admin(name, method, path, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.RequestEntityTooLarge)
                with { Body = body };
        }

        // A Content-Type other than JSON, or none, is a 415 problem naming application/json (not routing's bare 415).
        yield return Admin("text/plain", method, path, HttpStatusCode.UnsupportedMediaType)
            with { Body = valid ?? "{}", ContentType = "text/plain", Expects = ["application/json"] };
        yield return Admin("form content", method, path, HttpStatusCode.UnsupportedMediaType)
            with { Body = "name=x", ContentType = "application/x-www-form-urlencoded", Expects = ["application/json"] };
        yield return Admin("no body", method, path, HttpStatusCode.UnsupportedMediaType) with { Expects = ["application/json"] };
        yield return Admin("JSON with an unknown charset", method, path, HttpStatusCode.UnsupportedMediaType)
            with { Body = valid ?? "{}", ContentType = "application/json; charset=ebcdic", Expects = ["application/json", "UTF-8"] };
    }

    // Garbage If-Match headers, with a body the route would accept: malformed ones and ones that name no version
    // answer 412 and change nothing.
    private static IEnumerable<Case> IfMatchCases(HttpMethod method, string path, string? valid)
    {
        foreach (var header in new[] { "garbage", "\"", "W/\"1\"", "\"99999999999999999999999\"", "\"-1\"", "\"1\", garbage", "*, x" })
        {
            yield return Admin($"If-Match {header}", method, path, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadRequest) with { Body = valid, IfMatch = header };
        }
    }

    private static IEnumerable<Case> ListQueries(string path, bool withState)
    {
        foreach (var query in new[] { "skip=-1", "skip=abc", "take=0", "take=-5", "take=abc", "take=100000", "skip=99999999999", "take=1.5" })
        {
            yield return Admin(query, HttpMethod.Get, $"{path}?{query}", HttpStatusCode.BadRequest);
        }

        if (withState)
        {
            yield return Admin("state=bogus", HttpMethod.Get, $"{path}?state=bogus", HttpStatusCode.BadRequest);
            yield return Admin("state=1", HttpMethod.Get, $"{path}?state=1", HttpStatusCode.BadRequest);
        }
    }

    // The audit log's limit, cursor, action and target filters: each bad value a 400 problem.
    private static IEnumerable<Case> AuditLogQueries(string path)
    {
        foreach (var query in new[]
        {
            "limit=0", "limit=-5", "limit=abc", "limit=201", "limit=99999999999", "limit=1.5",
            "cursor=garbage", "cursor=%00%ff", $"cursor={Huge[..4000]}", "cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA%3D",
            "targetId=nope", "action=%20", $"action={Huge[..4000]}",
        })
        {
            yield return Admin(query.Length > 40 ? query[..40] : query, HttpMethod.Get, $"{path}?{query}", HttpStatusCode.BadRequest);
        }
    }

    // Slugs that name no page, and a garbage validator on a page that exists.
    private static IEnumerable<Case> Page(string rest) =>
    [
        .. UnknownSlugs(rest),
        Public("garbage If-None-Match", $"acme{rest}", HttpStatusCode.OK) with { IfNoneMatch = "garbage, W/" },
        Public("garbage access token", $"acme{rest}?access_token=%00%ff", HttpStatusCode.OK, HttpStatusCode.SeeOther),
    ];

    private static IEnumerable<Case> UnknownSlugs(string rest, HttpMethod? method = null, string? body = null)
    {
        foreach (var slug in new[] { "nope", "ACME", new string('a', 5000), "%2e%2e", "a%2Fb", "%ff%fe" })
        {
            yield return new Case($"slug {Shorten(slug)[..Math.Min(slug.Length, 12)]}", method ?? HttpMethod.Get, $"{Prefix}/{slug}{rest}", HttpStatusCode.NotFound)
            {
                Body = body,
            };
        }
    }

    private static IEnumerable<Case> Subscribe(string name, string body, params HttpStatusCode[] allowed)
    {
        yield return new Case(name, HttpMethod.Post, $"{Prefix}/acme/subscriptions", allowed) { Body = body, Problem = true };
    }

    private static IEnumerable<Case> Tokens(string rest, HttpMethod method)
    {
        foreach (var query in new[] { string.Empty, "?token=", "?token=nope", $"?token={new string('a', 100_000)}", "?token=%00%ff", "?token=a&token=b" })
        {
            yield return new Case($"token {Shorten(query)[..Math.Min(query.Length, 16)]}", method, $"{Prefix}/acme{rest}{query}", HttpStatusCode.NotFound);
        }

        foreach (var unknown in UnknownSlugs($"{rest}?token=nope", method))
        {
            yield return unknown;
        }
    }

    private static string Window(string startsAt, string endsAt) =>
        $$"""{"title":"W","startsAt":"{{startsAt}}","endsAt":"{{endsAt}}"}""";

    [GeneratedRegex(":[a-z]+(?=})")]
    private static partial Regex Constraint();
}
