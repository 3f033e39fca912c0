namespace StatusKit.AspNetCore;

/// <summary>
/// Endpoint metadata: the answer with <see cref="StatusCode"/> carries the header <see cref="Name"/>. Declared in the
/// OpenAPI document by <see cref="OpenApiHeaders"/>; ASP.NET Core's own response metadata has no headers.
/// </summary>
/// <param name="StatusCode">The status of the answer that carries the header.</param>
/// <param name="Name">The header's name.</param>
/// <param name="Description">What the header holds and what a client does with it.</param>
internal sealed record ResponseHeaderMetadata(int StatusCode, string Name, string Description);
