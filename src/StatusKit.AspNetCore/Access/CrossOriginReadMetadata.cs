namespace StatusKit.AspNetCore.Access;

/// <summary>
/// Endpoint metadata of a read route that scripts on other sites may read for a public page (<see cref="CrossOriginReads"/>).
/// </summary>
/// <param name="AllowedRequestHeaders">
/// The request headers a preflight allows (<c>Access-Control-Allow-Headers</c>): those the route honours that are not
/// CORS-safelisted, such as <c>If-None-Match</c>.
/// </param>
internal sealed record CrossOriginReadMetadata(string AllowedRequestHeaders);
