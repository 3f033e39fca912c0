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
}
