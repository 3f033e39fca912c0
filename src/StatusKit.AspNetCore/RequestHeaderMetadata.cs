namespace StatusKit.AspNetCore;

/// <summary>
/// Endpoint metadata: the endpoint reads the optional request header <see cref="Name"/> itself (not through a bound
/// parameter, which is what ASP.NET Core's API description sees). Declared in the OpenAPI document by
/// <see cref="OpenApiHeaders"/>.
/// </summary>
/// <param name="Name">The header's name.</param>
/// <param name="Description">What the header asks for.</param>
internal sealed record RequestHeaderMetadata(string Name, string Description);
