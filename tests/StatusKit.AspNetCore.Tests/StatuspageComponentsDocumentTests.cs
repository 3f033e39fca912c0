using System.Text.Json;
using StatusKit.AspNetCore.Admin;

namespace StatusKit.AspNetCore.Tests;

/// <summary><see cref="StatuspageComponentsDocument"/>: Statuspage's components.json read in StatusKit's terms.</summary>
public sealed class StatuspageComponentsDocumentTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "TestData", "statuspage", "components.json");

    [Fact]
    public void The_sample_components_json_is_read_as_a_group_and_its_member_with_what_StatusKit_keeps()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SamplePath));

        var entries = StatuspageComponentsDocument.Read(document.RootElement);

        Assert.Equal(2, entries.Count);
        var group = entries[0];
        Assert.Equal(("b4q1xg0jyz7s", "Storage", true, 1, null), (group.StatuspageId, group.Name, group.IsGroup, group.Position, group.GroupId));
        Assert.Equal(["x2mf0pb8t3qk", "9cq7rnd4w1lz"], group.MemberIds);
        var member = entries[1];
        Assert.Equal(
            ("x2mf0pb8t3qk", "Object store", false, 1, "b4q1xg0jyz7s", "Buckets and uploads", false),
            (member.StatuspageId, member.Name, member.IsGroup, member.Position, member.GroupId, member.Description, member.OnlyShowIfDegraded));
        Assert.Empty(member.MemberIds);
    }

    [Fact]
    public void Members_left_out_or_null_take_their_defaults()
    {
        using var document = JsonDocument.Parse("""{"components":[{"id":"a","name":"API","position":null,"group":null,"group_id":null,"components":null,"only_show_if_degraded":null,"status":"nonsense"}]}""");

        var entry = Assert.Single(StatuspageComponentsDocument.Read(document.RootElement));

        Assert.Equal((null, false, null, false, null), (entry.Position, entry.IsGroup, entry.GroupId, entry.OnlyShowIfDegraded, entry.Description));
        Assert.Empty(entry.MemberIds);
    }

    [Theory]
    [InlineData("""{"components":[{"name":"A"}]}""", "components[0].id")]
    [InlineData("""{"components":[{"id":"a","name":"A"},{"id":"b"}]}""", "components[1].name")]
    [InlineData("""{"components":[{"id":"a","name":"A","position":2147483648}]}""", "components[0].position")]
    [InlineData("""{"components":[{"id":"a","name":"A","only_show_if_degraded":1}]}""", "components[0].only_show_if_degraded")]
    [InlineData("""{"components":[{"id":"g","name":"G","group":true,"components":["a",null]}]}""", "components[0].components[1]")]
    [InlineData("""{"page":{}}""", "components")]
    [InlineData("[]", "body")]
    public void A_member_missing_or_wrong_is_refused_naming_its_json_path(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<StatusKitValidationException>(() => StatuspageComponentsDocument.Read(document.RootElement));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void The_entries_keep_the_documents_order_for_the_service_to_sort()
    {
        using var document = JsonDocument.Parse("""{"components":[{"id":"b","name":"B","position":2},{"id":"a","name":"A","position":1}]}""");

        Assert.Equal(["B", "A"], StatuspageComponentsDocument.Read(document.RootElement).Select(e => e.Name));
    }
}
