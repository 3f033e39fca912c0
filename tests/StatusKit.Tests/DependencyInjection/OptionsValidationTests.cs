using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Configuration;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;

namespace StatusKit.Tests.DependencyInjection;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task HostStart_WithInvalidOptions_FailsListingEveryFailure()
    {
        using var host = BuildHost(o =>
        {
            o.SnapshotTimeToLive = TimeSpan.Zero;
            o.FailSafeThrottle = TimeSpan.FromSeconds(-1);
            o.ChangeFeedBufferSize = 0;
            o.UnknownPriorityStatus = (ComponentStatus)77;
            o.PriorityMap["P0"] = (ComponentStatus)66;
            o.DowntimeWeights = new StatusKit.Uptime.DowntimeWeights { PartialOutage = 1.5, MajorOutage = double.NaN };
            o.PublicBaseAddress = new Uri("/status", UriKind.Relative);
            o.VerificationTokenLifetime = TimeSpan.Zero;
            o.UnverifiedSubscriberRetention = TimeSpan.FromHours(-1);
            o.SigningSecretRotationOverlap = TimeSpan.FromMinutes(-1);
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failures = string.Join("\n", ex.Failures);
        Assert.Contains("SnapshotTimeToLive", failures, StringComparison.Ordinal);
        Assert.Contains("FailSafeThrottle", failures, StringComparison.Ordinal);
        Assert.Contains("ChangeFeedBufferSize", failures, StringComparison.Ordinal);
        Assert.Contains("UnknownPriorityStatus", failures, StringComparison.Ordinal);
        Assert.Contains("PriorityMap['P0']", failures, StringComparison.Ordinal);
        Assert.Contains("DowntimeWeights.PartialOutage", failures, StringComparison.Ordinal);
        Assert.Contains("DowntimeWeights.MajorOutage", failures, StringComparison.Ordinal);
        Assert.Contains("PublicBaseAddress", failures, StringComparison.Ordinal);
        Assert.Contains("LinkSigningKey", failures, StringComparison.Ordinal);
        Assert.Contains("VerificationTokenLifetime", failures, StringComparison.Ordinal);
        Assert.Contains("UnverifiedSubscriberRetention", failures, StringComparison.Ordinal);
        Assert.Contains("SigningSecretRotationOverlap", failures, StringComparison.Ordinal);
        Assert.True(ex.Failures.Count() >= 12, failures);
    }

    [Theory]
    [InlineData(new SubscriberChannel[0], "must name at least one channel")]
    [InlineData(new[] { SubscriberChannel.Email, (SubscriberChannel)9 }, "'9' is not a subscriber channel")]
    public async Task HostStart_WithSubscriptionChannelsEmptyOrNamingNoChannel_FailsNamingIt(SubscriberChannel[] channels, string expected)
    {
        using var host = BuildHost(o => o.SubscriptionChannels = channels);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.StartsWith("SubscriptionChannels: ", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void SubscriptionChannels_BindFromConfiguration_ByTheirNames()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["StatusPages:SubscriptionChannels:0"] = "Email", ["StatusPages:SubscriptionChannels:1"] = "teams" })
            .Build();
        var services = new ServiceCollection();
        services.AddStatusPages();
        services.Configure<StatusPagesOptions>(configuration.GetSection("StatusPages"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StatusPagesOptions>>().Value;

        Assert.Equal([SubscriberChannel.Email, SubscriberChannel.Teams], options.SubscriptionChannels);
    }

    [Fact]
    public async Task HostStart_WithDurationsTooLongForTheClockOrATimer_FailsNamingEachOne()
    {
        using var host = BuildHost(o =>
        {
            o.SnapshotTimeToLive = TimeSpan.MaxValue;
            o.UpcomingMaintenanceHorizon = TimeSpan.MaxValue;
            o.FailSafeMaxStaleness = TimeSpan.FromDays(3651);
            o.RecomputeRetryDelay = TimeSpan.FromDays(50);
        }, services => services.AddStatusPages().ConfigureNotifications(n =>
        {
            n.PollInterval = TimeSpan.FromDays(50);
            n.MaxDebounceDelay = TimeSpan.MaxValue;
        }));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var failures = string.Join("\n", (ex is AggregateException all ? all.InnerExceptions : [ex]).Cast<OptionsValidationException>().SelectMany(e => e.Failures));
        foreach (var field in new[] { "SnapshotTimeToLive", "UpcomingMaintenanceHorizon", "FailSafeMaxStaleness", "RecomputeRetryDelay", "PollInterval", "MaxDebounceDelay" })
        {
            Assert.Contains(field, failures, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HostStart_FailuresOfSeveralOptionTypes_AreAllReported()
    {
        using var host = BuildHost(o => o.RecomputeRetryDelay = TimeSpan.Zero, services =>
            services.AddStatusPages().ConfigureNotifications(n => n.RetryJitter = 5));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        var failures = (ex is AggregateException all ? all.InnerExceptions : [ex]).Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.Contains("RecomputeRetryDelay", StringComparison.Ordinal));
        Assert.True(failures.Any(f => f.Contains("RetryJitter", StringComparison.Ordinal)), ex.ToString());
    }

    [Fact]
    public async Task HostStart_WithRetentionsLongerThanEveryOtherDuration_FailsNamingBoth()
    {
        // 3,651 days: one more than the longest duration any option takes, as options.md says of every duration.
        using var host = BuildHost(o =>
        {
            o.AuditLogRetention = TimeSpan.FromDays(3651);
            o.MetricPointRetention = TimeSpan.FromDays(3651);
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(2, ex.Failures.Count(f => f.Contains("between", StringComparison.Ordinal) && f.Contains("Retention", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1001)]
    public async Task HostStart_WithDeactivateAfterDeadLettersOutOfRange_FailsNamingIt(int value)
    {
        using var host = BuildHost(_ => { }, services => services.AddStatusPages().ConfigureNotifications(n => n.DeactivateAfterDeadLetters = value));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            $"DeactivateAfterDeadLetters: must be between 1 and 1000, or null to never deactivate (was {value}).",
            Assert.Single(ex.Failures));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(1000)]
    public async Task HostStart_WithDeactivateAfterDeadLettersNullOrInRange_Starts(int? value)
    {
        using var host = BuildHost(_ => { }, services => services.AddStatusPages().ConfigureNotifications(n => n.DeactivateAfterDeadLetters = value));

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(value, host.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.DeactivateAfterDeadLetters);
    }

    [Fact]
    public void DeactivateAfterDeadLetters_DefaultsTo5_AndBindsFromConfiguration_AnEmptyValueTurningItOff()
    {
        Assert.Equal(5, new NotificationOptions().DeactivateAfterDeadLetters);
        int? Bound(string? value)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:DeactivateAfterDeadLetters"] = value })
                .Build();
            var services = new ServiceCollection();
            services.AddStatusPages();
            services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IOptions<NotificationOptions>>().Value.DeactivateAfterDeadLetters;
        }

        Assert.Equal(8, Bound("8"));
        Assert.Null(Bound(""));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")] // "short": 5 bytes
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")] // 31 bytes
    public async Task HostStart_WithAWeakLinkSigningKey_FailsWithoutShowingTheKey(string key)
    {
        using var host = BuildHost(o => o.LinkSigningKey = key);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(ex.Failures);
        Assert.StartsWith("LinkSigningKey:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(key, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/status")] // a path: absolute on Linux, as file:///status, which would go into every e-mail's links
    [InlineData("ftp://status.example.com/")]
    [InlineData("https://status.example.com/status?utm=1")]
    [InlineData("https://status.example.com/status#top")]
    [InlineData("https://user:secret@status.example.com/")]
    public async Task HostStart_PublicBaseAddressThatIsNoPlainWebAddress_FailsNamingIt(string address)
    {
        using var host = BuildHost(o =>
        {
            o.PublicBaseAddress = new Uri(address, UriKind.RelativeOrAbsolute);
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("PublicBaseAddress: must be ", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_PublicBaseAddressWithoutLinkSigningKey_Fails()
    {
        using var host = BuildHost(o => o.PublicBaseAddress = new Uri("https://status.example.com/"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("LinkSigningKey: required when PublicBaseAddress", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_PublicBaseAddressWithoutLinkSigningKey_SaysHowToMakeOne()
    {
        using var host = BuildHost(o => o.PublicBaseAddress = new Uri("https://status.example.com/"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(ex.Failures);
        Assert.Contains("openssl rand -base64 32", failure, StringComparison.Ordinal);
        Assert.Contains("the same on every host", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_WithValidOptions_Starts()
    {
        using var host = BuildHost(o =>
        {
            o.PublicBaseAddress = new Uri("https://status.example.com/");
            o.LinkSigningKey = Convert.ToBase64String(new byte[32]);
        });

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(32, Convert.FromBase64String(host.Services.GetRequiredService<IOptions<StatusPagesOptions>>().Value.LinkSigningKey!).Length);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(86_401)]
    public async Task HostStart_WithHealthUnhealthyAfterOutOfRange_FailsNamingIt(double seconds)
    {
        using var host = BuildHost(_ => { }, s => s.Configure<StatusKit.Health.StatusKitHealthOptions>(o => o.UnhealthyAfter = TimeSpan.FromSeconds(seconds)));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(ex.Failures, f => f.StartsWith("UnhealthyAfter: must be between 00:00:01 and 1.00:00:00", StringComparison.Ordinal));
    }

    private static IHost BuildHost(Action<StatusPagesOptions> configure, Action<IServiceCollection>? more = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging();
        builder.Services.AddStatusPages(configure);
        more?.Invoke(builder.Services);
        return builder.Build();
    }
}
