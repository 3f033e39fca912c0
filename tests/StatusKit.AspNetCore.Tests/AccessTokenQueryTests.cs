using StatusKit.AspNetCore.Access;

namespace StatusKit.AspNetCore.Tests;

/// <summary>The query a private page's redirect keeps: everything but <c>access_token</c>, as it was written.</summary>
public sealed class AccessTokenQueryTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("?access_token=abc", "")]
    [InlineData("?access_token=", "")]
    [InlineData("?access_token", "")]
    [InlineData("?a=1&access_token=abc&b=x%20y", "?a=1&b=x%20y")]
    [InlineData("?access_token=abc&a=1", "?a=1")]
    [InlineData("?ACCESS_TOKEN=abc&access%5Ftoken=def&a=1", "?a=1")]
    [InlineData("?a=1&&access_token=abc&", "?a=1")]
    [InlineData("?access_token_hint=1&my_access_token=2", "?access_token_hint=1&my_access_token=2")]
    [InlineData("?q=access_token%3Dabc", "?q=access_token%3Dabc")]
    public void QueryWithout_drops_every_access_token_parameter_and_keeps_the_others_as_written(string query, string expected)
    {
        Assert.Equal(expected, AccessTokenQuery.QueryWithout(query));
    }

    [Theory]
    [InlineData("/status/internal", "/status/internal")]
    [InlineData("/", "/")]
    [InlineData("//evil.example/internal", "/evil.example/internal")]
    [InlineData("/\\evil.example/internal", "/evil.example/internal")]
    public void LocalPath_never_starts_like_a_protocol_relative_url(string path, string expected)
    {
        Assert.Equal(expected, AccessTokenQuery.LocalPath(path));
    }

    [Theory]
    [InlineData("/status/internal", null, "/status/internal")]
    [InlineData("/status/internal/history", "abc", "/status/internal/history?access_token=abc")]
    [InlineData("/status/internal/history?page=2", "abc", "/status/internal/history?page=2&access_token=abc")]
    [InlineData("/status/internal", "a b&c", "/status/internal?access_token=a%20b%26c")]
    [InlineData("/status/internal/history#past-maintenance-heading", "abc", "/status/internal/history?access_token=abc#past-maintenance-heading")]
    [InlineData("/status/internal/history?page=2#top", "abc", "/status/internal/history?page=2&access_token=abc#top")]
    public void With_adds_the_token_as_the_last_parameter_before_any_fragment_only_when_there_is_one(string url, string? token, string expected)
    {
        Assert.Equal(expected, AccessTokenQuery.With(url, token));
    }
}
