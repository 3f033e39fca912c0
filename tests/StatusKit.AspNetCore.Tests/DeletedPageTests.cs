using System.Net;
using StatusKit.AspNetCore.Api;
using static StatusKit.AspNetCore.Tests.AdminCalls;

namespace StatusKit.AspNetCore.Tests;

/// <summary>What a deleted page leaves behind in the host's memory: its open event streams and its prepared JSON API documents.</summary>
[Collection(SampleHostCollection.Name)]
public sealed class DeletedPageTests(SampleHostFactory factory)
{
    [Fact]
    public async Task Deleting_a_page_ends_its_event_streams_at_once_and_drops_its_prepared_API_documents()
    {
        using var admin = factory.CreateAdminClient();
        var created = await CreatePageAsync(admin, "Deleted memo");
        var (pageId, slug) = (Id(created), created.Body.GetProperty("slug").GetString()!);
        using var client = factory.CreatePublicClient("198.51.100.77");
        foreach (var document in new[] { "summary.json", "status.json", "incidents.json" })
        {
            using var read = await client.GetAsync($"/status/{slug}/api/v2/{document}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var documents = factory.Service<StatuspageDocuments>();
        Assert.True(documents.HoldsAnyOf(pageId));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var events = await client.GetAsync($"/status/{slug}/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        var stream = new SseReader(await events.Content.ReadAsStreamAsync(cts.Token));

        using var deleted = await admin.DeleteAsync($"/status/admin/pages/{pageId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        // Nothing but keep-alives comes on the stream: reading its next event reads to its end, when the page is gone.
        await Assert.ThrowsAsync<EndOfStreamException>(() => stream.NextAsync(cts.Token));
        Assert.False(documents.HoldsAnyOf(pageId));
    }
}
