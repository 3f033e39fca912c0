using StatusKit.AspNetCore.Access;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// An open event stream: its place in the page's events, whether its client's page is behind, and the access token it was opened with (null for a public
/// page opened without one), against which every later batch of events is checked.
/// </summary>
internal sealed record EventStream(EventAttachment Attachment, EventItems Items, PageAccess Access, string? Token, Guid PageId)
{
    /// <summary>
    /// The page's snapshot, if it changed since the version the client's page was rendered from: the stream then starts
    /// with a <c>content</c> event naming it. Null when the client is up to date or did not say.
    /// </summary>
    public PageSnapshot? Newer { get; init; }
}
