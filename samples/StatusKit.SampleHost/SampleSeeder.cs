using StatusKit.Maintenance;
using StatusKit.Model;
using StatusKit.Services;

namespace StatusKit.SampleHost;

/// <summary>Seeds the demo data, only when the store has no page yet.</summary>
public static class SampleSeeder
{
    public const string DemoSlug = "demo";
    public const string PrivateSlug = "internal";
    public const string PaymentsTeam = "payments";
    public const string PlatformTeam = "platform";

    /// <summary>Seeds and returns the private page's access token, or null when the store already had pages.</summary>
    public static async Task<string?> SeedAsync(IServiceProvider services, Uri webhookSink, CancellationToken cancellationToken = default)
    {
        var pages = services.GetRequiredService<StatusPageService>();
        if ((await pages.ListAsync(cancellationToken: cancellationToken)).Count > 0)
        {
            return null;
        }

        var components = services.GetRequiredService<ComponentService>();
        var incidents = services.GetRequiredService<StatusIncidentService>();
        var subscribers = services.GetRequiredService<SubscriberService>();
        var time = services.GetRequiredService<TimeProvider>();

        var demo = await pages.CreateAsync(new CreateStatusPage
        {
            Name = "Acme Cloud",
            Slug = DemoSlug,
            Description = "Live status of the Acme Cloud platform.",
            TimeZoneId = "Europe/Berlin",
            CreatedBy = "sample",

            // Branding: the name links to the company's site and the footer back to it; links and buttons take the
            // accent. No logo: the sample serves no files and loads nothing from elsewhere, so it runs offline.
            HomepageUrl = "https://www.example.com/",
            AccentColor = "#6639ba",
        }, cancellationToken);
        (string Name, string Group, string Team, string? Service, string Description)[] layout =
        [
            ("Public API", "API", PlatformTeam, "api", "REST and GraphQL endpoints."),
            ("Webhooks", "API", PlatformTeam, "webhooks", "Outgoing event delivery."),
            ("Authentication", "API", PlatformTeam, "auth", "Sign-in and tokens."),
            ("Dashboard", "Web", PlatformTeam, "dashboard", "The web console."),
            ("Checkout", "Web", PaymentsTeam, "checkout", "Hosted payment pages."),
            ("Card processing", "Payments", PaymentsTeam, "cards", "Authorisations and captures."),
            ("Payouts", "Payments", PaymentsTeam, "payouts", "Transfers to merchants."),
            ("Invoicing", "Payments", PaymentsTeam, null, "Invoices and receipts."),
        ];
        var created = new List<Component>();
        foreach (var (name, group, team, service, description) in layout)
        {
            created.Add(await components.CreateAsync(new CreateComponent
            {
                PageId = demo.Id,
                Name = name,
                GroupName = group,
                TeamId = team,
                ServiceIdentifier = service,
                Description = description,
            }, cancellationToken));
        }

        // A weekly maintenance window on Sunday night, Berlin time.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var now = time.GetUtcNow();
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var daysToSunday = ((int)DayOfWeek.Sunday - (int)localNow.DayOfWeek + 7) % 7;
        var sunday = localNow.Date.AddDays(daysToSunday == 0 ? 7 : daysToSunday).AddHours(2);
        var start = new DateTimeOffset(sunday, zone.GetUtcOffset(sunday)).ToUniversalTime();
        await services.GetRequiredService<MaintenanceService>().CreateAsync(new CreateMaintenanceWindow
        {
            PageId = demo.Id,
            Title = "Weekly database maintenance",
            Description = "Routine patching; the dashboard may be slow for a few minutes.",
            StartsAt = start,
            EndsAt = start.AddHours(1),
            TimeZoneId = "Europe/Berlin",
            Recurrence = "FREQ=WEEKLY;BYDAY=SU",
            ComponentIds = [created[3].Id],
            CreatedBy = "sample",
        }, cancellationToken);

        var incident = await incidents.CreateAsync(new CreateStatusIncident
        {
            PageId = demo.Id,
            Title = "Elevated webhook delivery latency",
            Message = "We are investigating delayed webhook deliveries.",
            Severity = StatusIncidentSeverity.Minor,
            ComponentIds = [created[1].Id],
            NotifySubscribers = false,
        }, cancellationToken);
        await incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Identified, "A queue consumer was stuck; restarting it.", notifySubscribers: false, cancellationToken);
        await incidents.AddUpdateAsync(incident.Id, StatusIncidentState.Monitoring, "Deliveries are catching up.", notifySubscribers: false, cancellationToken);
        await incidents.ResolveAsync(incident.Id, "All delayed webhooks were delivered.", notifySubscribers: false, cancellationToken);

        await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = demo.Id,
            Channel = SubscriberChannel.Webhook,
            Destination = webhookSink.AbsoluteUri,
            PreVerified = true,
        }, cancellationToken);
        await subscribers.SubscribeAsync(new Subscribe
        {
            PageId = demo.Id,
            Channel = SubscriberChannel.Email,
            Destination = "ops@example.com",
            PreVerified = true,
        }, cancellationToken);

        var (internalPage, accessToken) = await pages.CreateWithAccessTokenAsync(new CreateStatusPage
        {
            Name = "Acme internal tools",
            Slug = PrivateSlug,
            IsPublic = false,
            TeamId = PlatformTeam,
            CreatedBy = "sample",
        }, cancellationToken);
        await components.CreateAsync(new CreateComponent { PageId = internalPage.Id, Name = "CI runners", TeamId = PlatformTeam }, cancellationToken);
        await components.CreateAsync(new CreateComponent { PageId = internalPage.Id, Name = "Artifact store", TeamId = PlatformTeam }, cancellationToken);
        return accessToken!;
    }
}
