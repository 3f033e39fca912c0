using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// Where a page's domain is read in the host's pipeline: behind a reverse proxy, after <c>UseForwardedHeaders</c>
/// (<c>app.UseStatusPageCustomDomains()</c>), and only once; and the host's own paths that a page's domain passes through.
/// </summary>
public sealed class CustomDomainPipelineTests
{
    private const string Domain = "status.acme.example";
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.7");

    [Fact]
    public async Task Behind_a_known_proxy_the_forwarded_host_is_the_pages_domain_when_placed_after_UseForwardedHeaders()
    {
        await using var app = await StartBehindProxyAsync();

        var page = await SendAsync(app, "/", forwardedHost: Domain, from: Proxy);
        var summary = await SendAsync(app, "/api/v2/summary.json", forwardedHost: Domain, from: Proxy);

        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, summary.Response.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_host_from_an_unknown_proxy_is_not_believed()
    {
        await using var app = await StartBehindProxyAsync();

        var root = await SendAsync(app, "/", forwardedHost: Domain, from: IPAddress.Parse("203.0.113.9"));
        var page = await SendAsync(app, "/status/acme", forwardedHost: Domain, from: IPAddress.Parse("203.0.113.9"));

        Assert.Equal(StatusCodes.Status404NotFound, root.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
    }

    [Fact]
    public async Task The_hosts_own_routes_still_answer_on_its_own_address_behind_the_proxy()
    {
        await using var app = await StartBehindProxyAsync();

        var own = await SendAsync(app, "/hello", forwardedHost: "host.example", from: Proxy);
        var page = await SendAsync(app, "/status/acme", forwardedHost: "host.example", from: Proxy);

        Assert.Equal(StatusCodes.Status200OK, own.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
    }

    [Fact]
    public async Task Placed_by_the_host_the_re_dispatch_runs_once_not_again_first_in_the_pipeline()
    {
        // At the root every path is re-dispatched: run twice, /history would become /acme/acme/history (404).
        await using var app = await StartAsync(app => app.UseStatusPageCustomDomains(), prefix: "/");

        var history = await SendAsync(app, "/history", host: Domain);

        Assert.Equal(StatusCodes.Status200OK, history.Response.StatusCode);
    }

    [Fact]
    public async Task Placed_with_the_option_off_it_only_routes_and_the_Host_is_ignored()
    {
        await using var app = await StartAsync(app => app.UseStatusPageCustomDomains(), o => o.ServeCustomDomains = false);

        var root = await SendAsync(app, "/", host: Domain);
        var page = await SendAsync(app, "/status/acme", host: Domain);

        Assert.Equal((404, 200), (root.Response.StatusCode, page.Response.StatusCode));
    }

    [Fact]
    public async Task Placing_it_twice_or_after_UseRouting_throws_saying_where_it_goes()
    {
        var twice = Assert.Throws<InvalidOperationException>(() => EmbeddedHost.Build(Services(), app =>
        {
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/branch"), branch => branch.UseStatusPageCustomDomains());
            app.UseStatusPageCustomDomains();
        }));
        var late = Assert.Throws<InvalidOperationException>(() => EmbeddedHost.Build(Services(), app =>
        {
            app.UseRouting();
            app.UseStatusPageCustomDomains();
        }));

        Assert.Contains("already called", twice.Message, StringComparison.Ordinal);
        Assert.Contains("before UseRouting", late.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/favicon.ico")]
    [InlineData("/FAVICON.ICO")]
    public async Task The_favicon_on_a_pages_domain_is_the_hosts_own_by_default(string path)
    {
        await using var app = await StartAsync(app => app.MapGet("/favicon.ico", () => Results.Bytes([1, 2, 3], "image/x-icon")));

        var icon = await SendAsync(app, path, host: Domain);

        Assert.Equal(StatusCodes.Status200OK, icon.Response.StatusCode);
        Assert.Equal("image/x-icon", icon.Response.ContentType);
    }

    [Fact]
    public async Task A_listed_path_and_those_under_it_pass_through_to_the_host_and_nothing_else_does()
    {
        await using var app = await StartAsync(
            app =>
            {
                app.MapGet("/healthz", () => "Healthy");
                app.MapGet("/healthz/ready", () => "Ready");
                app.MapGet("/healthzz", () => "Not passed");
                app.MapGet("/hello", () => "Not passed");
            },
            o => o.CustomDomainPassThroughPaths.Add("/healthz/"));

        var health = await SendAsync(app, "/healthz", host: Domain);
        var ready = await SendAsync(app, "/healthz/ready", host: Domain);
        var similar = await SendAsync(app, "/healthzz", host: Domain);
        var other = await SendAsync(app, "/hello", host: Domain);
        var page = await SendAsync(app, "/", host: Domain);

        Assert.Equal(
            (200, 200, 404, 404, 200),
            (health.Response.StatusCode, ready.Response.StatusCode, similar.Response.StatusCode, other.Response.StatusCode, page.Response.StatusCode));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("healthz")]
    [InlineData("/healthz?x=1")]
    [InlineData("")]
    public void A_pass_through_path_that_is_no_path_of_the_host_fails_the_start_naming_it(string path)
    {
        var options = new StatusPageEndpointOptions();
        options.CustomDomainPassThroughPaths.Add(path);

        var result = new StatusPageEndpointOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(nameof(StatusPageEndpointOptions.CustomDomainPassThroughPaths), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void By_default_only_the_favicon_passes_through()
    {
        Assert.Equal(["/favicon.ico"], new StatusPageEndpointOptions().CustomDomainPassThroughPaths);
    }

    private static Action<IServiceCollection> Services(Action<StatusPageEndpointOptions>? configure = null) => services =>
    {
        services.AddStatusPages().AddStatusPageEndpoints(o =>
        {
            o.ServeCustomDomains = true;
            configure?.Invoke(o);
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Add(Proxy);
        });
    };

    private static Task<WebApplication> StartBehindProxyAsync() => StartAsync(app =>
    {
        app.UseForwardedHeaders();
        app.UseStatusPageCustomDomains();
        app.MapGet("/hello", () => "Hello");
    });

    private static async Task<WebApplication> StartAsync(
        Action<WebApplication> configureApp, Action<StatusPageEndpointOptions>? configure = null, string prefix = "/status")
    {
        var app = await EmbeddedHost.StartAsync(Services(configure), app =>
        {
            configureApp(app);
            app.MapStatusPages(prefix);
        });
        await app.Services.GetRequiredService<StatusPageService>().CreateAsync(new CreateStatusPage { Name = "Acme", Slug = "acme", CustomDomain = Domain });
        return app;
    }

    private static Task<HttpContext> SendAsync(WebApplication app, string path, string host = "internal.example:8080", string? forwardedHost = null, IPAddress? from = null) =>
        app.GetTestServer().SendAsync(context =>
        {
            var (pathPart, query) = path.IndexOf('?') is var q and >= 0 ? (path[..q], path[q..]) : (path, string.Empty);
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString(host);
            context.Request.Path = pathPart;
            context.Request.QueryString = new QueryString(query);
            context.Connection.RemoteIpAddress = from ?? IPAddress.Loopback;
            if (forwardedHost is not null)
            {
                context.Request.Headers["X-Forwarded-Host"] = forwardedHost;
                context.Request.Headers["X-Forwarded-For"] = "198.51.100.4";
                context.Request.Headers["X-Forwarded-Proto"] = "https";
            }
        });
}
