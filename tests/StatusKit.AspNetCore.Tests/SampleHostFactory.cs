using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The sample host in memory, with a known admin key and a throw-away data directory.</summary>
public sealed class SampleHostFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-admin-key";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "statuskit-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Sample:AdminApiKey", ApiKey);
        builder.UseSetting("Sample:DataDirectory", _dataDirectory);
        builder.ConfigureServices(services => services.Configure<StatusPageEndpointOptions>(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(300)));
    }

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public HttpClient CreatePublicClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task<Guid> PageIdAsync(string slug) =>
        (await Service<StatusPageService>().GetBySlugAsync(slug))!.Id;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SampleHostCollection : ICollectionFixture<SampleHostFactory>
{
    public const string Name = "sample host";
}
