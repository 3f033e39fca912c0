using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.AspNetCore;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The sample host in memory, with a known admin key and a throw-away data directory. Its page URLs follow the request's
/// origin (no <c>PublicBaseAddress</c>); <see cref="LinkedSampleHostFactory"/> keeps the sample's own.
/// </summary>
public class SampleHostFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-admin-key";
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "statuskit-tests-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Sample:AdminApiKey", ApiKey);
        builder.UseSetting("Sample:DataDirectory", _dataDirectory);
        builder.ConfigureServices(services =>
        {
            // The collection's tests share this host and mostly its one client address: the token routes' own limit
            // (TokenLinkRateLimitTests) would otherwise refuse the links of whichever test comes late in a minute.
            services.Configure<StatusPageEndpointOptions>(o =>
            {
                o.KeepAliveInterval = TimeSpan.FromMilliseconds(300);
                o.TokenLinkPermitLimit = 10_000;
                // A page with metrics fetches its charts again this often in the browser tests, not once a minute.
                o.MetricsRefreshInterval = TimeSpan.FromMilliseconds(400);
            });
            services.AddSingleton<IStartupFilter, ClientAddressStartupFilter>();
            if (!KeepsSampleLinks)
            {
                services.PostConfigure<StatusPagesOptions>(o => o.PublicBaseAddress = null);
            }
        });
    }

    /// <summary>Whether the sample's <c>PublicBaseAddress</c> (the address it listens on) is kept.</summary>
    protected virtual bool KeepsSampleLinks => false;

    /// <summary>Where the sample's pickup email sender writes its <c>.eml</c> files.</summary>
    public string MailDirectory => Path.Combine(_dataDirectory, "mail");

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public HttpClient CreatePublicClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A public client whose requests come from <paramref name="address"/> (see <see cref="ClientAddressStartupFilter"/>).</summary>
    public HttpClient CreatePublicClient(string address)
    {
        var client = CreatePublicClient();
        client.DefaultRequestHeaders.Add(ClientAddressStartupFilter.HeaderName, address);
        return client;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Waits until the engine has applied every change asked of it so far: the tests of the collection share one host,
    /// and a test that ends right after posting a signal leaves its recompute (and its live events) still to come.
    /// </summary>
    /// <remarks>
    /// The host starts when first used (its services, or a client): whichever test comes first starts it, which takes
    /// seconds on a busy machine. A test bounds its waits with a timeout only once the host is up (after this, or after
    /// creating its client), so the timeout guards the wait and not the start.
    /// </remarks>
    public Task SettleAsync() => Service<StatusKit.Engine.IStatusEngine>().WhenIdleAsync(CancellationToken.None);

    public async Task<Guid> PageIdAsync(string slug) =>
        (await Service<StatusPageService>().GetBySlugAsync(slug))!.Id;

    /// <summary>Runs <paramref name="test"/> on a new page named and slugged <paramref name="slug"/>, deleted afterwards.</summary>
    public async Task WithPageAsync(string slug, Func<StatusPage, Task> test)
    {
        var pages = Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = slug, Slug = slug });
        try
        {
            await test(page);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }

    /// <summary>How many notices the outbox holds for the page (up to 200).</summary>
    public async Task<int> OutboxCountAsync(Guid pageId) =>
        (await Service<IStatusStore>().ListNotificationsAsync(new NotificationQuery { PageId = pageId, Take = 200 }, CancellationToken.None)).Count;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

/// <summary>The sample host as it runs: notifications carry links under the address it listens on.</summary>
public sealed class LinkedSampleHostFactory : SampleHostFactory
{
    protected override bool KeepsSampleLinks => true;
}

[CollectionDefinition(Name)]
public sealed class SampleHostCollection : ICollectionFixture<SampleHostFactory>
{
    public const string Name = "sample host";
}
