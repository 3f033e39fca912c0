using StatusKit.Model;
using StatusKit.Notifications;
using StatusKit.Notifications.Dispatching;
using StatusKit.Testing;

namespace StatusKit.Tests.Notifications.Dispatching;

/// <summary>The digest of the notices the hourly cap held back: one line per change, in the order they happened.</summary>
public sealed class DigestComposerTests
{
    [Fact]
    public void Compose_ListsTheChangesInTheOrderTheyHappened_EachOnOneLine()
    {
        // Held rows come by due time: a notice held past a maintenance window's end may come after a later one.
        var postmortem = Row(TestData.At(29), "Postmortem: Login failures");
        var created = Row(TestData.At(20), "New incident: Login\r\nfailures");

        var digest = DigestComposer.Compose([postmortem, created], "UTC");

        var lines = digest.Body.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("New incident: Login  failures", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("Postmortem: Login failures", lines[2], StringComparison.Ordinal);
    }

    private static Notification Row(DateTimeOffset at, string subject) => new()
    {
        Id = Guid.CreateVersion7(at),
        PageId = Guid.NewGuid(),
        SubscriberId = Guid.NewGuid(),
        Channel = SubscriberChannel.Email,
        DeduplicationKey = subject,
        Content = TestData.Content(subject) with
        {
            Kind = NotificationKind.StatusIncidentCreated,
            ComponentName = null,
            NewStatus = null,
            OldStatus = null,
            OccurredAt = at,
        },
        CreatedAt = at,
        DueAt = TestData.At(60),
    };
}
