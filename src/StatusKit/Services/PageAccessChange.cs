using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>
/// A page whose visibility or access token just changed, by <see cref="StatusPageService.SetVisibilityAsync(Guid, bool, long?, CancellationToken)"/>
/// or <see cref="StatusPageService.RegenerateAccessTokenAsync(Guid, long?, CancellationToken)"/>.
/// </summary>
/// <param name="Page">
/// The page as the change stored it, at its new <see cref="StatusPage.Version"/> (the version to expect in the next edit,
/// without reading the page again).
/// </param>
/// <param name="AccessToken">
/// The new access token (64 hex characters), returned only here: the store keeps its SHA-256 hash. Always set by a
/// regeneration; by a visibility change only when it made a page without a token private, otherwise null.
/// </param>
public sealed record PageAccessChange(StatusPage Page, string? AccessToken);
