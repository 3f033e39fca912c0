using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Mistakes in wiring the endpoints fail when the app starts, with a message that says what to do, not at the first request.</summary>
public sealed class EmbeddingStartupErrorTests
{
    [Fact]
    public void Mapping_the_pages_a_second_time_throws_naming_the_first_prefix_instead_of_breaking_every_request()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddedHost.Build(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app =>
            {
                app.MapStatusPages("/status");
                app.MapStatusPages("/internal");
            }));

        Assert.Contains("'/status'", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsePathBase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_path_through_UsePathBase_serves_the_same_pages_with_links_under_the_path_used()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services => services.AddStatusPages().AddStatusPageEndpoints(),
            app =>
            {
                app.UsePathBase("/internal");
                app.UseRouting();
                app.MapStatusPages("/status");
            });
        await app.Services.GetRequiredService<StatusKit.Services.StatusPageService>()
            .CreateAsync(new StatusKit.Services.CreateStatusPage { Name = "Acme", Slug = "acme" });
        using var client = app.Client();

        var direct = await client.GetStringAsync("/status/acme/history.atom");
        var based = await client.GetStringAsync("/internal/status/acme/history.atom");

        Assert.Contains("href=\"http://localhost/status/acme\"", direct, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/internal/status/acme\"", based, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_policy_that_is_not_registered_fails_the_start_naming_it()
    {
        await using var app = EmbeddedHost.Build(
            services =>
            {
                services.AddStatusPages().AddStatusPageEndpoints(o => o.AdminAuthorizationPolicy = "StatusKitAdmn");
                services.AddAuthorization(o => o.AddPolicy("StatusKitAdmin", p => p.RequireRole("ops")));
            },
            app => app.MapStatusPages(),
            environment: "Production");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("'StatusKitAdmn'", error.Message, StringComparison.Ordinal);
        Assert.Contains("AdminAuthorizationPolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_policy_without_AddAuthorization_fails_the_start_saying_so()
    {
        await using var app = EmbeddedHost.Build(
            services => services.AddStatusPages().AddStatusPageEndpoints(o => o.AdminAuthorizationPolicy = "StatusKitAdmin"),
            app => app.MapStatusPages(),
            environment: "Production");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("AddAuthorization", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_admin_policy_starts_and_guards_the_admin_API()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddStatusPages().AddStatusPageEndpoints(o => o.AdminAuthorizationPolicy = "StatusKitAdmin");
                services.AddAuthorization(o => o.AddPolicy("StatusKitAdmin", p => p.RequireAssertion(_ => true)));
            },
            app => app.MapStatusPages(),
            environment: "Production");
        using var client = app.Client();

        var response = await client.GetAsync("/status/admin/pages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://status.example.com/status", false)]
    public async Task Pages_mapped_without_a_public_base_address_warn_that_subscriptions_get_no_confirmation_link(string? publicBaseAddress, bool warned)
    {
        var logs = new ListLoggerProvider();
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.AddStatusPages(o =>
                {
                    o.PublicBaseAddress = publicBaseAddress is null ? null : new Uri(publicBaseAddress);
                    o.LinkSigningKey = publicBaseAddress is null ? null : Convert.ToBase64String(new byte[32]);
                }).AddStatusPageEndpoints();
            },
            app => app.MapStatusPages());

        Assert.Equal(warned, logs.Entries.Any(e => e.EventId.Id == 1407 && e.Level == LogLevel.Warning && e.Message.Contains("PublicBaseAddress", StringComparison.Ordinal)));
    }
}
