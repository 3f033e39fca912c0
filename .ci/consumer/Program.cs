// A program that uses StatusKit exactly as a NuGet user does: the packed package, the README's quick start.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Services;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddStatusPages();
using var host = builder.Build();
await host.StartAsync();

var pages = host.Services.GetRequiredService<StatusPageService>();
var components = host.Services.GetRequiredService<ComponentService>();
var page = await pages.CreateAsync(new CreateStatusPage { Name = "Acme Cloud", Slug = "acme" });
await components.CreateAsync(new CreateComponent { PageId = page.Id, Name = "API", TeamId = "payments" });

var intake = host.Services.GetRequiredService<IIncidentIntake>();
await intake.ReportIncidentAsync(new IncidentSignal
{
    IncidentId = "INC-42",
    TeamId = "payments",
    Priority = "Critical",
    State = PlatformIncidentState.Triggered,
    Version = 1,
    OccurredAt = TimeProvider.System.GetUtcNow(),
}, CancellationToken.None);
await host.Services.GetRequiredService<IStatusEngine>().WhenIdleAsync(CancellationToken.None);

var snapshot = await host.Services.GetRequiredService<IStatusPageReader>().GetSnapshotBySlugAsync("acme", CancellationToken.None);
Console.WriteLine($"page status: {snapshot!.Status.Indicator} ({snapshot.Status.Description})");
await host.StopAsync();
