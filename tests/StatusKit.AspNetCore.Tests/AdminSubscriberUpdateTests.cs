using System.Net;
using System.Text.Json;
using static StatusKit.AspNetCore.Tests.AdminCalls;
using static StatusKit.AspNetCore.Tests.AdminResponses;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// <c>PATCH admin/subscribers/{id}</c>: an operator changes what a subscriber hears about, its components and events,
/// without deleting and creating it again, through the sample host.
/// </summary>
[Collection(SampleHostCollection.Name)]
public sealed class AdminSubscriberUpdateTests(SampleHostFactory factory)
{
    [Fact]
    public async Task A_patch_changes_components_and_events_and_answers_the_subscriber_with_its_new_ETag()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Patch subscriber"));
        var api = Id(await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created));
        var created = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "patch@example.com" }, expected: HttpStatusCode.Created);

        var patched = await SendAsync(
            admin, HttpMethod.Patch, $"/status/admin/subscribers/{Id(created)}", new { componentIds = new[] { api }, notifyOn = new[] { "Outage", "resolved" } }, ifMatch: created.ETag);

        Assert.Equal([api], patched.Body.GetProperty("componentIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(["outage", "resolved"], patched.Body.GetProperty("notifyOn").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("\"2\"", "patch@example.com", JsonValueKind.Null), (patched.ETag, patched.Body.GetProperty("destination").GetString(), patched.Body.GetProperty("unsubscribeToken").ValueKind));
        var read = await SendAsync(admin, HttpMethod.Get, $"/status/admin/subscribers/{Id(created)}");
        Assert.Equal(patched.ETag, read.ETag);
        Assert.Equal(patched.Body.GetRawText(), read.Body.GetRawText());
    }

    [Fact]
    public async Task What_a_patch_leaves_out_is_kept_and_an_empty_component_list_follows_all()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Patch subscriber partly"));
        var api = Id(await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/components", new { name = "API" }, expected: HttpStatusCode.Created));
        var created = await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers",
            new { channel = "email", destination = "partly@example.com", componentIds = new[] { api }, notifyOn = new[] { "maintenance" } }, expected: HttpStatusCode.Created);

        var events = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/subscribers/{Id(created)}", new { notifyOn = new[] { "all" } });
        var components = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/subscribers/{Id(created)}", new { componentIds = Array.Empty<Guid>() });
        var nothing = await SendAsync(admin, HttpMethod.Patch, $"/status/admin/subscribers/{Id(created)}", new { });

        Assert.Equal([api], events.Body.GetProperty("componentIds").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(4, events.Body.GetProperty("notifyOn").GetArrayLength());
        Assert.Equal((0, 4), (components.Body.GetProperty("componentIds").GetArrayLength(), components.Body.GetProperty("notifyOn").GetArrayLength()));
        Assert.Equal((components.ETag, "\"3\""), (nothing.ETag, components.ETag));
    }

    [Fact]
    public async Task A_stale_If_Match_is_a_412_bad_input_a_400_naming_the_field_and_neither_changes_anything()
    {
        using var admin = factory.CreateAdminClient();
        var pageId = Id(await CreatePageAsync(admin, "Patch subscriber badly"));
        var otherComponent = Id(await SendAsync(
            admin, HttpMethod.Post, $"/status/admin/pages/{Id(await CreatePageAsync(admin, "Patch subscriber other"))}/components", new { name = "X" }, expected: HttpStatusCode.Created));
        var created = await SendAsync(admin, HttpMethod.Post, $"/status/admin/pages/{pageId}/subscribers", new { channel = "email", destination = "badly@example.com" }, expected: HttpStatusCode.Created);
        var path = $"/status/admin/subscribers/{Id(created)}";

        await AssertProblemAsync(await Request(admin, HttpMethod.Patch, path, new { notifyOn = new[] { "outage" } }, "\"7\""), HttpStatusCode.PreconditionFailed, "If-Match");
        await AssertProblemAsync(await Request(admin, HttpMethod.Patch, path, new { notifyOn = Array.Empty<string>() }, null), HttpStatusCode.BadRequest, "notifyOn");
        await AssertProblemAsync(await Request(admin, HttpMethod.Patch, path, new { notifyOn = new[] { "sometimes" } }, null), HttpStatusCode.BadRequest, "notifyOn");
        await AssertProblemAsync(await Request(admin, HttpMethod.Patch, path, new { componentIds = new[] { otherComponent } }, null), HttpStatusCode.BadRequest, "componentIds");
        await AssertProblemAsync(await Request(admin, HttpMethod.Patch, $"/status/admin/subscribers/{Guid.NewGuid()}", new { notifyOn = new[] { "outage" } }, null), HttpStatusCode.NotFound, "subscriberId");

        var read = await SendAsync(admin, HttpMethod.Get, path);
        Assert.Equal((created.ETag, 4, 0), (read.ETag, read.Body.GetProperty("notifyOn").GetArrayLength(), read.Body.GetProperty("componentIds").GetArrayLength()));
    }
}
