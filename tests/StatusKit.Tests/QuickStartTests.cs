using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Status;

namespace StatusKit.Tests;

/// <summary>The README's quick start, step for step, in a real generic host.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task QuickStart_ReportsACriticalIncident_AndThePageShowsCritical()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddStatusPages();
        using var host = builder.Build();
        await host.StartAsync();
        var pages = host.Services.GetRequiredService<StatusPageService>();
        var components = host.Services.GetRequiredService<ComponentService>();
        var intake = host.Services.GetRequiredService<IIncidentIntake>();
        var reader = host.Services.GetRequiredService<IStatusPageReader>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var ct = CancellationToken.None;

        var page = await pages.CreateAsync(new CreateStatusPage { Name = "Acme Cloud", Slug = "acme" });
        await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "payments" });
        await intake.ReportIncidentAsync(new IncidentSignal
        {
            IncidentId = "INC-42", TeamId = "payments", Priority = "Critical",
            State = PlatformIncidentState.Triggered, Version = 1, OccurredAt = time.GetUtcNow(),
        }, ct);
        await host.Services.GetRequiredService<IStatusEngine>().WhenIdleAsync(ct);
        var snapshot = await reader.GetSnapshotBySlugAsync("acme", ct);

        Assert.Equal(StatusIndicator.Critical, snapshot!.Status.Indicator);
        await host.StopAsync();
    }
}
