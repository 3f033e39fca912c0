using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StatusKit.AspNetCore.Tests;

/// <summary>Invalid options of a web app that maps the pages are all reported at once, as they are in a host without endpoints.</summary>
public sealed class EmbeddingOptionsValidationTests
{
    [Fact]
    public void MapStatusPages_with_several_invalid_options_types_reports_every_failure_at_once()
    {
        var error = Record.Exception(() => EmbeddedHost.Build(
            services => services
                .AddStatusPages(o => o.SnapshotTimeToLive = TimeSpan.FromDays(-1))
                .ConfigureNotifications(o => o.BatchSize = 0)
                .AddStatusPageEndpoints(o => o.ReplayBufferSize = -1),
            app => app.MapStatusPages()));

        var messages = error switch
        {
            AggregateException all => string.Join("\n", all.InnerExceptions.Select(e => e.Message)),
            OptionsValidationException one => one.Message,
            _ => throw new Xunit.Sdk.XunitException($"Expected options validation failures, got {error}"),
        };
        Assert.Contains("SnapshotTimeToLive", messages, StringComparison.Ordinal);
        Assert.Contains("BatchSize", messages, StringComparison.Ordinal);
        Assert.Contains("ReplayBufferSize", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void MapStatusPages_with_a_zero_replay_buffer_retention_fails_the_start_naming_it()
    {
        var error = Record.Exception(() => EmbeddedHost.Build(
            services => services.AddStatusPages().AddStatusPageEndpoints(o => o.ReplayBufferRetention = TimeSpan.Zero),
            app => app.MapStatusPages()));

        var messages = error switch
        {
            AggregateException all => string.Join("\n", all.InnerExceptions.Select(e => e.Message)),
            OptionsValidationException one => one.Message,
            _ => throw new Xunit.Sdk.XunitException($"Expected an options validation failure, got {error}"),
        };
        Assert.Contains("ReplayBufferRetention", messages, StringComparison.Ordinal);
    }
}
