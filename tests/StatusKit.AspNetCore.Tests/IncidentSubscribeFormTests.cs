using StatusKit.AspNetCore.Html;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Tests;

/// <summary>
/// The incident page's "Get updates on this incident" form: the page's subscribe form's channels and destination (its
/// markup, written by the same code), with the incident's id instead of events and components; only for an unresolved
/// incident, and only where the page offers its own form.
/// </summary>
public sealed class IncidentSubscribeFormTests
{
    private static readonly PageLinks Links = new("/status/acme", null);

    [Fact]
    public void An_unresolved_incidents_page_offers_the_form_by_the_pages_channels_with_the_incidents_id()
    {
        var incident = Incident(StatusIncidentState.Identified);

        var html = new PageRenderer().RenderIncident(
            RenderedSnapshots.Empty("UTC"), incident, [], Links, [SubscriberChannel.Email, SubscriberChannel.Webhook]);

        Assert.Contains(
            "<details class=\"subscribe\" id=\"subscribe\"><summary>Get updates on this incident</summary><form method=\"post\" action=\"/status/acme/subscriptions\">",
            html,
            StringComparison.Ordinal);
        Assert.Contains("name=\"channel\" value=\"email\" checked> Email</label>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"channel\" value=\"webhook\"> Webhook (HTTPS URL)</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"subscribe-destination\">Email address or URL</label>", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"incident\" value=\"{incident.Id}\"><button type=\"submit\">Subscribe</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("notifyOn", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"components\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolved_incident_or_a_page_without_its_subscribe_form_offers_none()
    {
        var renderer = new PageRenderer();

        var resolved = renderer.RenderIncident(RenderedSnapshots.Empty("UTC"), Incident(StatusIncidentState.Resolved), [], Links, [SubscriberChannel.Email]);
        var noChannels = renderer.RenderIncident(RenderedSnapshots.Empty("UTC"), Incident(StatusIncidentState.Monitoring), [], Links, []);

        Assert.DoesNotContain("Get updates on this incident", resolved, StringComparison.Ordinal);
        Assert.DoesNotContain("Get updates on this incident", noChannels, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", noChannels, StringComparison.Ordinal);
    }

    private static StatusIncident Incident(StatusIncidentState state)
    {
        var opened = new DateTimeOffset(2026, 1, 15, 14, 0, 0, TimeSpan.Zero);
        return new StatusIncident
        {
            Id = Guid.NewGuid(),
            PageId = Guid.NewGuid(),
            Title = "Slow sign-in",
            Message = "Looking into it",
            State = state,
            Updates = [new(Guid.NewGuid(), opened, state, "Looking into it")],
            CreatedAt = opened,
            UpdatedAt = opened,
            ResolvedAt = state == StatusIncidentState.Resolved ? opened : null,
        };
    }
}
