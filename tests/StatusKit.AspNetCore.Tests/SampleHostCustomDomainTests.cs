using System.Net;
using StatusKit.Services;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The sample host serves pages on their custom domains (<c>Sample:ServeCustomDomains</c>, on by default).</summary>
[Collection(SampleHostCollection.Name)]
public sealed class SampleHostCustomDomainTests(SampleHostFactory factory)
{
    private const string Domain = "status.sample-domain.example";

    [Fact]
    public async Task A_page_with_a_custom_domain_answers_on_that_Host_and_the_health_check_passes_through_there()
    {
        var pages = factory.Service<StatusPageService>();
        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Domain page", Slug = "domain-page", CustomDomain = Domain });
        try
        {
            using var client = factory.CreatePublicClient();
            client.BaseAddress = new Uri($"http://{Domain}/");

            using var root = await client.GetAsync("/");
            using var summary = await client.GetAsync("/api/v2/summary.json");
            using var health = await client.GetAsync("/healthz");
            using var admin = await client.GetAsync("/status/admin/pages");

            Assert.Equal(HttpStatusCode.OK, root.StatusCode);
            Assert.Contains("Domain page", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        }
        finally
        {
            await pages.DeleteAsync(page.Id);
        }
    }
}
