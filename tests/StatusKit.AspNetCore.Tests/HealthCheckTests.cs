using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StatusKit.Abstractions;
using StatusKit.Health;
using StatusKit.InMemory;
using StatusKit.TestSupport.Fakes;

namespace StatusKit.AspNetCore.Tests;

/// <summary><c>AddHealthChecks().AddStatusKit()</c>: what a host's probe sees.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task AddStatusKit_RegistersTheStoreAndBackgroundChecksWithTheirTags()
    {
        await using var services = Build(out _);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal([StatusKitHealthChecks.BackgroundName, StatusKitHealthChecks.StoreName], report.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(report.Entries.Values, e => Assert.Equal(["ready", "statuskit"], e.Tags.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task AddStatusKit_WithoutAddStatusPages_FailsTheHostsStartSayingWhatIsMissing()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHealthChecks().AddStatusKit();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("AddStatusPages()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStatusKit_WithAddStatusPagesCalledAfterIt_Starts()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHealthChecks().AddStatusKit();
        builder.Services.AddStatusPages();
        using var host = builder.Build();

        await host.StartAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
    }

    [Fact]
    public async Task AddStatusKit_StoreDown_ReportIsUnhealthyNamingTheStore()
    {
        await using var services = Build(out var control);
        control.Before = (_, _) => throw new TimeoutException("connection refused");

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries[StatusKitHealthChecks.StoreName].Status);
        Assert.Equal(HealthStatus.Healthy, report.Entries[StatusKitHealthChecks.BackgroundName].Status);
    }

    [Fact]
    public async Task AddStatusKit_StoreSlowerThanItsTimeout_IsUnhealthy()
    {
        await using var services = Build(out var control, TimeSpan.FromMilliseconds(50));
        control.Before = (_, args) => Task.Delay(Timeout.Infinite, (CancellationToken)args[^1]!);

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries[StatusKitHealthChecks.StoreName].Status);
    }

    [Fact]
    public async Task CheckTypes_AddedByTypeWithoutAddStatusKit_ResolveTheRegisteredChecks()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<IStatusStore>(new InMemoryStatusStore());
        services.AddStatusPages();
        services.AddHealthChecks()
            .AddCheck<StatusKitStoreHealthCheck>(StatusKitHealthChecks.StoreName)
            .AddCheck<StatusKitBackgroundHealthCheck>(StatusKitHealthChecks.BackgroundName);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(2, report.Entries.Count);
    }

    [Fact]
    public async Task SampleHost_Healthz_AnswersHealthy()
    {
        await using var factory = new SampleHostFactory();
        using var client = factory.CreatePublicClient();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static ServiceProvider Build(out InterceptingStatusStore control, TimeSpan? timeout = null)
    {
        (var store, control) = InterceptingStatusStore.Wrap(new InMemoryStatusStore());
        var services = new ServiceCollection().AddLogging().AddSingleton(store);
        services.AddStatusPages();
        services.AddHealthChecks().AddStatusKit(["ready"], timeout);
        return services.BuildServiceProvider();
    }
}
