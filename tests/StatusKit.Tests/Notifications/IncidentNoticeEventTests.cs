using FsCheck;
using FsCheck.Fluent;
using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Status;
using StatusKit.Testing;
using TestData = StatusKit.Testing.TestData;

namespace StatusKit.Tests.Notifications;

/// <summary>
/// The event of a public status incident's notice, and who gets it: the subscribers whose <see cref="Subscriber.NotifyOn"/>
/// has that event, as for a component change.
/// </summary>
public sealed class IncidentNoticeEventTests
{
    private static readonly Guid PageId = Guid.NewGuid();
    private static readonly Guid Api = Guid.NewGuid();

    [Theory]
    [InlineData(StatusIncidentSeverity.Minor, StatusIncidentState.Investigating, NotificationEvents.Degraded)]
    [InlineData(StatusIncidentSeverity.Minor, StatusIncidentState.Monitoring, NotificationEvents.Degraded)]
    [InlineData(StatusIncidentSeverity.Major, StatusIncidentState.Identified, NotificationEvents.Outage)]
    [InlineData(StatusIncidentSeverity.Critical, StatusIncidentState.Investigating, NotificationEvents.Outage)]
    [InlineData(StatusIncidentSeverity.Minor, StatusIncidentState.Resolved, NotificationEvents.Resolved)]
    [InlineData(StatusIncidentSeverity.Critical, StatusIncidentState.Resolved, NotificationEvents.Resolved)]
    public void Classify_AnIncidentUpdate_IsTheEventOfTheChangeItImplies(StatusIncidentSeverity severity, StatusIncidentState state, NotificationEvents expected) =>
        Assert.Equal(expected, NotificationEventClassifier.Classify(severity, state));

    [Fact]
    public void Plan_OnlySubscribersWhoChoseTheEvent_GetTheNotice()
    {
        var maintenanceOnly = Subscriber(NotificationEvents.Maintenance);
        var outage = Subscriber(NotificationEvents.Outage);
        var all = Subscriber(NotificationEvents.All);

        var planned = NoticePlanner.Plan([maintenanceOnly, outage, all], NotificationEvents.Outage, [Api], "incident|x|y", Content(), TestData.T0);

        Assert.Equal(new[] { outage.Id, all.Id }.Order(), planned.Select(n => n.SubscriberId).Order());
    }

    [Fact]
    public void IncidentNoticeRecipients_Meets_Specification()
    {
        var subscriber =
            from notifyOn in Gen.Choose(0, (int)NotificationEvents.All).Select(e => (NotificationEvents)e)
            from followsAll in Gen.Elements(true, false)
            from verified in Gen.Elements(true, true, false)
            from active in Gen.Elements(true, true, false)
            select Subscriber(notifyOn) with
            {
                ComponentIds = followsAll ? [] : [Api],
                IsVerified = verified,
                IsActive = active,
            };
        var cases =
            from subscribers in Gen.ListOf(subscriber).Select(l => l.ToList())
            from severity in Gen.Elements(Enum.GetValues<StatusIncidentSeverity>())
            from state in Gen.Elements(Enum.GetValues<StatusIncidentState>())
            select (Subscribers: subscribers, Severity: severity, State: state);

        PropertyCheck.Verify(Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var notificationEvent = NotificationEventClassifier.Classify(c.Severity, c.State);
            var planned = NoticePlanner.Plan(c.Subscribers, notificationEvent, [Api], "incident|x|y", Content(), TestData.T0);

            // Exactly the subscribers a component change of the incident's component to that event would reach.
            var expected = c.Subscribers.Where(s => NotificationEventClassifier.Wants(s, notificationEvent, Api)).Select(s => s.Id).Order();
            var consistent = c.State == StatusIncidentState.Resolved
                ? notificationEvent == NotificationEvents.Resolved
                : notificationEvent == NotificationEventClassifier.Classify(c.Severity.ToComponentStatus());
            return consistent
                && notificationEvent != NotificationEvents.Maintenance
                && planned.Select(n => n.SubscriberId).Order().SequenceEqual(expected)
                && planned.Select(n => n.DeduplicationKey).Distinct(StringComparer.Ordinal).Count() == planned.Count;
        }));
    }

    private static Subscriber Subscriber(NotificationEvents notifyOn) =>
        TestData.Subscriber(PageId) with { ComponentIds = [Api], NotifyOn = notifyOn };

    private static NotificationContent Content() => new()
    {
        Kind = NotificationKind.StatusIncidentUpdated,
        Subject = "[Acme] Identified: Slow API",
        Body = "found",
        PageName = "Acme",
        PageSlug = "acme",
        OccurredAt = TestData.T0,
    };
}
