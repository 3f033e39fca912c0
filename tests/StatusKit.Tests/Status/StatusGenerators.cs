using FsCheck;
using FsCheck.Fluent;
using StatusKit.Model;
using StatusKit.Status;

namespace StatusKit.Tests.Status;

/// <summary>Bounded generators for the status properties: few teams and services so that matches are common.</summary>
internal static class StatusGenerators
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static Gen<ComponentStatus> AnyStatus { get; } = Gen.Elements(Enum.GetValues<ComponentStatus>());

    public static Gen<string?> ComponentTeam { get; } = Gen.Elements<string?>("a", "b", "c", null);

    public static Gen<string?> ComponentService { get; } = Gen.Elements<string?>(null, null, "s1", "s2");

    public static Gen<string> Priority { get; } = Gen.Elements("Critical", "high", "MEDIUM", "Low", "Info", "P0-weird");

    public static Gen<PlatformIncidentState> State { get; } = Gen.Elements(Enum.GetValues<PlatformIncidentState>());

    public static Gen<Component> Component { get; } =
        from team in ComponentTeam
        from service in ComponentService
        from manual in Gen.OneOf(AnyStatus.Select(s => (ComponentStatus?)s), Gen.Constant<ComponentStatus?>(null))
        select new Component
        {
            Id = Guid.NewGuid(),
            PageId = Guid.Empty,
            Name = "c",
            TeamId = team,
            ServiceIdentifier = service,
            ManualStatus = manual,
            StatusUpdatedAt = Epoch,
            CreatedAt = Epoch,
            UpdatedAt = Epoch,
        };

    public static Gen<IncidentSignal> Signal { get; } =
        from team in Gen.Elements("a", "b", "c", "d")
        from service in Gen.Elements<string?>(null, "s1", "s2", "s3")
        from priority in Priority
        from state in State
        select new IncidentSignal
        {
            IncidentId = Guid.NewGuid().ToString("N"),
            TeamId = team,
            ServiceIdentifier = service,
            Priority = priority,
            State = state,
            Version = 1,
            OccurredAt = Epoch,
        };

    public static Gen<(List<Component> Components, List<IncidentSignal> Signals)> Scenario { get; } =
        from components in Gen.ListOf(Component).Select(l => l.ToList())
        from signals in Gen.ListOf(Signal).Select(l => l.ToList())
        select (components, signals);
}
