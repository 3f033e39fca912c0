using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The wiring sample at the top of docs/aspnetcore.md, line for line.</summary>
public sealed class AspNetCoreDocSampleTests
{
    [Fact]
    public async Task The_sample_starts_outside_Development_and_keeps_anonymous_callers_out_of_the_admin_API()
    {
        await using var app = await EmbeddedHost.StartAsync(
            services =>
            {
                services.AddStatusPages()
                    .AddStatusPageEndpoints(options => options.AdminAuthorizationPolicy = "StatusKitAdmin");
                services.AddAuthentication().AddCookie();
                services.AddAuthorization(o => o.AddPolicy("StatusKitAdmin", p => p.RequireRole("ops")));
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapStatusPages("/status");
            },
            environment: "Production");
        using var client = app.Client();

        var admin = await client.GetAsync("/status/admin/pages");
        var page = await client.GetAsync("/status/unknown");

        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
