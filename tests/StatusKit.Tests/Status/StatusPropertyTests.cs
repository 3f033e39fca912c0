using FsCheck;
using FsCheck.Fluent;
using StatusKit.Model;
using StatusKit.Status;
using static StatusKit.Tests.Status.StatusGenerators;

namespace StatusKit.Tests.Status;

public sealed class StatusPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WorstOf_Meets_Specification()
    {
        var three = Gen.Three(AnyStatus).ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(three, t =>
        {
            var (a, b, c) = t;
            return a.Worst(b) == b.Worst(a)
                && a.Worst(b).Worst(c) == a.Worst(b.Worst(c))
                && a.Worst(a) == a
                && a.Worst(ComponentStatus.Operational) == a
                && ComponentStatus.Operational.Worst(a) == a
                && (a.Worst(b) == a || a.Worst(b) == b);
        }));
    }

    [Fact]
    public void SeverityOrder_IsTotal_AndMatchesTheSeedOrder()
    {
        ComponentStatus[] seed =
        [
            ComponentStatus.MajorOutage,
            ComponentStatus.PartialOutage,
            ComponentStatus.DegradedPerformance,
            ComponentStatus.UnderMaintenance,
            ComponentStatus.Operational,
        ];
        for (var i = 0; i + 1 < seed.Length; i++)
        {
            Assert.True(seed[i] > seed[i + 1], $"{seed[i]} must be more severe than {seed[i + 1]}");
        }

        var pair = Gen.Two(AnyStatus).ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(pair, p =>
        {
            var (a, b) = p;
            var relations = (a < b ? 1 : 0) + (a == b ? 1 : 0) + (a > b ? 1 : 0);
            return relations == 1 && (a.Worst(b) == a) == (a >= b);
        }));
    }

    [Fact]
    public void PriorityMapping_HigherPriority_NeverMapsToALessSevereStatus()
    {
        string[] byPriority = ["Info", "Low", "Medium", "High", "Critical"];
        var indices = Gen.Two(Gen.Choose(0, byPriority.Length - 1)).ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(indices, p =>
        {
            var (lower, higher) = p.Item1 <= p.Item2 ? p : (p.Item2, p.Item1);
            return PriorityStatusMap.Default.Map(byPriority[higher]) >= PriorityStatusMap.Default.Map(byPriority[lower]);
        }));
    }

    [Fact]
    public void ComputedStatuses_EqualTheNaiveReference_WhateverTheIncidentOrder()
    {
        PropertyCheck.Verify(Prop.ForAll(Scenario.ToArbitrary(), scenario =>
        {
            var (components, signals) = scenario;
            var expected = NaiveReference.IncidentStatuses(components, signals, PriorityStatusMap.Default);

            var actual = Compute(components, signals);
            var reversed = Compute(components, Enumerable.Reverse(signals).ToList());
            var rotated = Compute(components, signals.Skip(signals.Count / 2).Concat(signals.Take(signals.Count / 2)).ToList());

            return expected.SequenceEqual(actual) && expected.SequenceEqual(reversed) && expected.SequenceEqual(rotated);
        }));
    }

    [Fact]
    public void ResolvingOrClosingAnIncident_NeverMakesAnyComponentMoreSevere()
    {
        var arb = (from scenario in Scenario.Where(s => s.Signals.Count > 0)
                   from index in Gen.Choose(0, 1000)
                   from end in Gen.Elements(PlatformIncidentState.Resolved, PlatformIncidentState.Closed)
                   select (scenario, index, end)).ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(arb, t =>
        {
            var (scenario, index, end) = t;
            var before = Compute(scenario.Components, scenario.Signals);
            var signals = scenario.Signals.ToList();
            var i = index % signals.Count;
            signals[i] = signals[i] with { State = end };
            var after = Compute(scenario.Components, signals);
            return before.Zip(after).All(pair => pair.Second <= pair.First);
        }));
    }

    [Fact]
    public void AddingAnOpenIncident_NeverMakesAnyComponentLessSevere()
    {
        var arb = (from scenario in Scenario
                   from extra in Signal
                   select (scenario, extra with { State = PlatformIncidentState.Triggered })).ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(arb, t =>
        {
            var (scenario, extra) = t;
            var before = Compute(scenario.Components, scenario.Signals);
            var after = Compute(scenario.Components, [.. scenario.Signals, extra]);
            return before.Zip(after).All(pair => pair.Second >= pair.First);
        }));
    }

    [Fact]
    public void ManualStatus_CanRaiseButNeverLowerTheComputedStatus()
    {
        var arb = (from incident in AnyStatus
                   from maintenance in Gen.Elements(true, false)
                   from publicStatus in AnyStatus
                   from manual in AnyStatus
                   from expiresInMinutes in Gen.Elements<int?>(null, -5, 0, 5)
                   select (incident, maintenance, publicStatus, manual, expiresInMinutes)).ToArbitrary();
        PropertyCheck.Verify(Prop.ForAll(arb, t =>
        {
            var expires = t.expiresInMinutes is { } m ? Now.AddMinutes(m) : (DateTimeOffset?)null;
            var without = StatusCalculator.Effective(t.incident, t.maintenance, t.publicStatus, null, null, Now);
            var with = StatusCalculator.Effective(t.incident, t.maintenance, t.publicStatus, t.manual, expires, Now);
            var active = expires is null || expires > Now;
            return with >= without
                && with >= t.incident
                && (active ? with == without.Worst(t.manual) : with == without);
        }));
    }

    [Fact]
    public void PageStatus_IsTheWorstComponentStatus()
    {
        PropertyCheck.Verify(Prop.ForAll(Gen.ArrayOf(AnyStatus).ToArbitrary(), statuses =>
        {
            var page = PageStatus.Of(statuses);
            var expected = statuses.Length == 0 ? ComponentStatus.Operational : statuses.Max();
            return page.Status == expected && page == PageStatus.For(expected);
        }));
    }

    private static ComponentStatus[] Compute(List<Component> components, List<IncidentSignal> signals)
    {
        var result = new ComponentStatus[components.Count];
        StatusCalculator.ComputeIncidentStatuses(components, signals, PriorityStatusMap.Default, result);
        return result;
    }
}
