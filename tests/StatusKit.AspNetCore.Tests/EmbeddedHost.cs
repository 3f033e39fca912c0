using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// A minimal ASP.NET Core app that embeds StatusKit as the docs tell an existing app to (not the sample host), on the
/// in-memory test server.
/// </summary>
public static class EmbeddedHost
{
    /// <summary>Builds and starts an app; <paramref name="configureServices"/> registers StatusKit, <paramref name="configureApp"/> maps it.</summary>
    public static async Task<WebApplication> StartAsync(
        Action<IServiceCollection> configureServices,
        Action<WebApplication> configureApp,
        string environment = "Development")
    {
        var app = Build(configureServices, configureApp, environment);
        await app.StartAsync();
        return app;
    }

    /// <summary>Builds an app without starting it.</summary>
    public static WebApplication Build(
        Action<IServiceCollection> configureServices,
        Action<WebApplication> configureApp,
        string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        configureServices(builder.Services);
        var app = builder.Build();
        configureApp(app);
        return app;
    }

    /// <summary>A client of the app's test server.</summary>
    public static HttpClient Client(this WebApplication app) => app.GetTestServer().CreateClient();
}
