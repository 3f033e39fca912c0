namespace StatusKit.AspNetCore.Tests;

/// <summary>StatusPageEndpointOptions fail at start-up, naming the option, for values that would break at run time.</summary>
public sealed class EndpointOptionsValidationTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        Assert.True(new StatusPageEndpointOptionsValidator().Validate(null, new StatusPageEndpointOptions()).Succeeded);
    }

    [Fact]
    public void DurationsTooLongForTheClockOrATimer_FailNamingEachOne()
    {
        var options = new StatusPageEndpointOptions
        {
            KeepAliveInterval = TimeSpan.FromDays(60),
            SubscriptionWindow = TimeSpan.MaxValue,
            PublicCacheMaxAge = TimeSpan.MaxValue,
        };

        var result = new StatusPageEndpointOptionsValidator().Validate(null, options);

        var failures = string.Join("\n", result.Failures ?? []);
        Assert.Contains("KeepAliveInterval", failures, StringComparison.Ordinal);
        Assert.Contains("SubscriptionWindow", failures, StringComparison.Ordinal);
        Assert.Contains("PublicCacheMaxAge", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void StaleDirectives_Negative_FailNamingEachOne()
    {
        var options = new StatusPageEndpointOptions { PublicStaleWhileRevalidate = TimeSpan.FromSeconds(-1), PublicStaleIfError = TimeSpan.MaxValue };

        var result = new StatusPageEndpointOptionsValidator().Validate(null, options);

        var failures = string.Join("\n", result.Failures ?? []);
        Assert.Contains("PublicStaleWhileRevalidate must not be negative", failures, StringComparison.Ordinal);
        Assert.Contains("PublicStaleIfError must not be negative or longer than 3650 days", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenLinkLimit_OutOfRange_FailsNamingBothOptions()
    {
        var options = new StatusPageEndpointOptions { TokenLinkPermitLimit = 0, TokenLinkWindow = TimeSpan.Zero };

        var result = new StatusPageEndpointOptionsValidator().Validate(null, options);

        var failures = string.Join("\n", result.Failures ?? []);
        Assert.Contains("TokenLinkPermitLimit must be between 1 and 10000 (was 0)", failures, StringComparison.Ordinal);
        Assert.Contains("TokenLinkWindow", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void PerDestinationSubscriptionLimit_OutOfRange_FailsNamingBothOptions()
    {
        var options = new StatusPageEndpointOptions { SubscriptionDestinationPermitLimit = 0, SubscriptionDestinationWindow = TimeSpan.Zero };

        var result = new StatusPageEndpointOptionsValidator().Validate(null, options);

        var failures = string.Join("\n", result.Failures ?? []);
        Assert.Contains("SubscriptionDestinationPermitLimit", failures, StringComparison.Ordinal);
        Assert.Contains("SubscriptionDestinationWindow", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void ColorScheme_NotAutoLightOrDark_FailsNamingIt()
    {
        var result = new StatusPageEndpointOptionsValidator().Validate(null, new StatusPageEndpointOptions { ColorScheme = (PageColorScheme)7 });

        Assert.Contains("ColorScheme must be Auto, Light or Dark (was 7)", string.Join("\n", result.Failures ?? []), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PageColorScheme.Auto)]
    [InlineData(PageColorScheme.Light)]
    [InlineData(PageColorScheme.Dark)]
    public void ColorScheme_AnyOfItsValues_IsValid(PageColorScheme scheme)
    {
        Assert.True(new StatusPageEndpointOptionsValidator().Validate(null, new StatusPageEndpointOptions { ColorScheme = scheme }).Succeeded);
    }

    [Fact]
    public void MaxEventStreamsPerClient_BelowOne_FailsNamingIt()
    {
        var result = new StatusPageEndpointOptionsValidator().Validate(null, new StatusPageEndpointOptions { MaxEventStreamsPerClient = 0 });

        Assert.Contains("MaxEventStreamsPerClient", string.Join("\n", result.Failures ?? []), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(2 * 24 * 60 * 60)]
    public void ReplayBufferRetention_NotPositiveOrLongerThanADay_FailsNamingIt(int seconds)
    {
        var options = new StatusPageEndpointOptions { ReplayBufferRetention = TimeSpan.FromSeconds(seconds) };

        var result = new StatusPageEndpointOptionsValidator().Validate(null, options);

        Assert.Contains("ReplayBufferRetention", string.Join("\n", result.Failures ?? []), StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayBufferRetention_Default_IsOneMinute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), new StatusPageEndpointOptions().ReplayBufferRetention);
    }
}
