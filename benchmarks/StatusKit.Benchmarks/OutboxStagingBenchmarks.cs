using BenchmarkDotNet.Attributes;
using StatusKit.Abstractions;
using StatusKit.Model;
using StatusKit.Notifications;

namespace StatusKit.Benchmarks;

/// <summary>
/// Staging one commit's notices into the outbox (<see cref="OutboxStaging"/>, what both stores run inside the commit): a
/// component change told to every subscriber of a page, each notice with its own coalesce key. No target; session 27
/// found it quadratic in the notices (33.6 s from signal to status at 50,000 subscribers).
/// </summary>
[MemoryDiagnoser]
public class OutboxStagingBenchmarks
{
    private Notification[] notices = [];

    [Params(5_000, 50_000)]
    public int Subscribers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var page = Guid.CreateVersion7();
        var component = Guid.CreateVersion7();
        var at = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var content = new NotificationContent
        {
            Kind = NotificationKind.ComponentStatusChanged,
            Subject = "[Acme] API: Major outage",
            Body = "API changed from Operational to Major Outage.",
            PageName = "Acme",
            PageSlug = "acme",
            OccurredAt = at,
        };
        notices = [.. Enumerable.Range(0, Subscribers).Select(i =>
        {
            var subscriber = Guid.CreateVersion7();
            return new Notification
            {
                Id = Guid.CreateVersion7(),
                PageId = page,
                SubscriberId = subscriber,
                Channel = SubscriberChannel.Email,
                DeduplicationKey = $"component:{component:N}:{subscriber:N}:1",
                CoalesceKey = $"component:{component:N}:{subscriber:N}",
                Content = content,
                CreatedAt = at,
                DueAt = at.AddMinutes(2),
            };
        })];
    }

    [Benchmark]
    public int StageOneFanOut()
    {
        var staging = new OutboxStaging([]);
        foreach (var notice in notices)
        {
            staging.Add(notice);
        }

        return staging.Count;
    }
}
