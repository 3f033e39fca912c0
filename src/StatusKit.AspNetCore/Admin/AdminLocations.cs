using Microsoft.AspNetCore.Http;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// The <c>Location</c> of what an admin create made (RFC 9110 §10.2.2): the admin route that reads it, as an absolute
/// path under the request's path base and the prefix <c>MapStatusPages</c> was given. A path, not a URL: the request's
/// <c>Host</c> is the caller's to choose, and the client resolves the path against the URL it posted to.
/// </summary>
internal sealed class AdminLocations(PagePaths paths)
{
    private readonly PathString _admin = new(paths.Prefix + "/admin");

    /// <summary>The location of the record <paramref name="id"/> read at <c>{prefix}/admin/{collection}/{id}</c>.</summary>
    public string Of(HttpRequest request, string collection, Guid id) =>
        request.PathBase.Add(_admin).Add(new PathString($"/{collection}/{id:D}")).ToUriComponent();

    /// <summary>The location of the subscriber's delivery log, <c>{prefix}/admin/subscribers/{id}/notifications</c>.</summary>
    public string NotificationsOf(HttpRequest request, Guid subscriberId) =>
        request.PathBase.Add(_admin).Add(new PathString($"/subscribers/{subscriberId:D}/notifications")).ToUriComponent();
}
