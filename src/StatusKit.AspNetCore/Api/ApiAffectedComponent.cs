namespace StatusKit.AspNetCore.Api;

/// <summary>An entry of an update's <c>affected_components</c>.</summary>
internal sealed record ApiAffectedComponent(string Code, string Name, string OldStatus, string NewStatus);
