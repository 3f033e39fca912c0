namespace StatusKit.AspNetCore.Api;

/// <summary>The <c>page</c> object of every Statuspage v2 document.</summary>
internal sealed record ApiPage(string Id, string Name, string Url, string TimeZone, DateTimeOffset UpdatedAt);
