using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Events;

/// <summary>
/// An open event stream: its place in the page's events, and the access token it was opened with (null for a public
/// page opened without one), against which every later batch of events is checked.
/// </summary>
internal sealed record EventStream(EventAttachment Attachment, EventIds Ids, PageAccess Access, string? Token, Guid PageId);
