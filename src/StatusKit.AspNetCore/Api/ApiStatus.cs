namespace StatusKit.AspNetCore.Api;

/// <summary>The <c>status</c> object: indicator (none, minor, major, critical, maintenance) and description.</summary>
internal sealed record ApiStatus(string Indicator, string Description);
