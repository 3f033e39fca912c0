using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>A page just created by <see cref="StatusPageService.CreateWithAccessTokenAsync"/>.</summary>
/// <param name="Page">The stored page.</param>
/// <param name="AccessToken">
/// For a private page, its access token (64 hex characters), returned only here: the store keeps its SHA-256 hash.
/// Null for a public page.
/// </param>
public sealed record CreatedStatusPage(StatusPage Page, string? AccessToken);
