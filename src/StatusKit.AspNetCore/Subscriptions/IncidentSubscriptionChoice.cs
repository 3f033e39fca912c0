using StatusKit.Services;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// What a subscription to one incident may not say, checked where the request is read: it follows all of the incident's
/// updates, so a request with the incident's id and components or events (even every event, or an empty list) is
/// refused naming the member it sent, rather than have a choice silently ignored. The same for the public route
/// (<c>components</c>, <c>notifyOn</c>) and the admin API (<c>componentIds</c>, <c>notifyOn</c>).
/// </summary>
internal static class IncidentSubscriptionChoice
{
    public static void Check(Guid? incident, bool hasComponents, bool hasNotifyOn, string componentsMember)
    {
        if (incident is null)
        {
            return;
        }

        if (hasComponents)
        {
            throw new StatusKitValidationException(
                componentsMember,
                $"A subscription to one incident follows all of its updates; leave out {componentsMember}.",
                ValidationCodes.IncidentFollowsAllUpdates);
        }

        if (hasNotifyOn)
        {
            throw new StatusKitValidationException(
                "notifyOn", "A subscription to one incident follows all of its updates; leave out notifyOn.", ValidationCodes.IncidentFollowsAllUpdates);
        }
    }
}
