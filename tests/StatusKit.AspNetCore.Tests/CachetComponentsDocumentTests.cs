using System.Text.Json;
using StatusKit.AspNetCore.Admin;

namespace StatusKit.AspNetCore.Tests;

/// <summary><see cref="CachetComponentsDocument"/>: Cachet's GET /api/v1/components (with its groups or without) read in StatusKit's terms.</summary>
public sealed class CachetComponentsDocumentTests
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "TestData", "cachet");

    private static string Sample(string name) => File.ReadAllText(Path.Combine(Samples, name));

    private static string WithGroups() => $$"""{"components": {{Sample("components.json")}}, "groups": {{Sample("groups.json")}}}""";

    [Fact]
    public void The_sample_with_its_groups_is_read_as_the_group_and_the_enabled_components_with_what_StatusKit_keeps()
    {
        using var document = JsonDocument.Parse(WithGroups());

        var read = CachetComponentsDocument.Read(document.RootElement);

        Assert.Equal(
            [("group-1", "Storage", true, 1, null), ("1", "API", false, 0, null), ("2", "Object store", false, 1, "group-1"), ("3", "Block store", false, 2, "group-1")],
            read.Entries.Select(e => (e.StatuspageId, e.Name, e.IsGroup, e.Position, e.GroupId)));
        Assert.Equal(["REST and GraphQL", "Buckets and uploads"], read.Entries.Where(e => e.Description is not null).Select(e => e.Description));
        Assert.Null(read.Entries[3].Description);
        Assert.Equal(["Legacy FTP"], read.Disabled);
        Assert.Empty(read.GroupsNotFound);
    }

    [Fact]
    public void The_components_alone_put_every_component_in_no_group_and_name_the_groups_missing()
    {
        using var document = JsonDocument.Parse(Sample("components.json"));

        var read = CachetComponentsDocument.Read(document.RootElement);

        Assert.Equal(["API", "Object store", "Block store"], read.Entries.Select(e => e.Name));
        Assert.All(read.Entries, e => Assert.Null(e.GroupId));
        Assert.Equal(["1"], read.GroupsNotFound);
    }

    [Theory]
    [InlineData("""{"data":[{"id":"9","name":"A","enabled":1,"group_id":"0","order":"3"}]}""", "9", true, 3)]
    [InlineData("""{"data":[{"id":9,"name":"A","enabled":0}]}""", null, false, null)]
    [InlineData("""{"data":[{"id":9,"name":"A"}]}""", "9", true, null)]
    public void Ids_numbers_and_flags_are_taken_as_Cachet_writes_them(string json, string? id, bool enabled, int? order)
    {
        using var document = JsonDocument.Parse(json);

        var read = CachetComponentsDocument.Read(document.RootElement);

        Assert.Equal(enabled ? 0 : 1, read.Disabled.Count);
        Assert.Equal(id, read.Entries.SingleOrDefault()?.StatuspageId);
        Assert.Equal(order, read.Entries.SingleOrDefault()?.Position);
    }

    [Theory]
    [InlineData("""{"data":[{"name":"A"}]}""", "data[0].id")]
    [InlineData("""{"data":[{"id":1,"name":"A"},{"id":2}]}""", "data[1].name")]
    [InlineData("""{"data":[{"id":1.5,"name":"A"}]}""", "data[0].id")]
    [InlineData("""{"data":[{"id":1,"name":"A","order":"first"}]}""", "data[0].order")]
    [InlineData("""{"data":[{"id":1,"name":"A","enabled":"yes"}]}""", "data[0].enabled")]
    [InlineData("""{"data":[{"id":1,"name":"A","group_id":true}]}""", "data[0].group_id")]
    [InlineData("""{"data":["A"]}""", "data[0]")]
    [InlineData("""{"meta":{}}""", "data")]
    [InlineData("""{"data":[],"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}}}""", "meta.pagination")]
    [InlineData("""{"components":{"data":[{"id":1}]}}""", "components.data[0].name")]
    [InlineData("""{"components":{"data":[]},"groups":{"data":[{"id":1}]}}""", "groups.data[0].name")]
    [InlineData("""{"components":[]}""", "components")]
    [InlineData("[]", "body")]
    public void A_member_missing_or_wrong_is_refused_naming_its_json_path(string json, string field)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<StatusKitValidationException>(() => CachetComponentsDocument.Read(document.RootElement));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void One_page_of_several_is_refused_telling_how_to_download_it_whole()
    {
        using var document = JsonDocument.Parse("""{"data":[],"meta":{"pagination":{"total":45,"count":20,"per_page":20,"current_page":1,"total_pages":3}}}""");

        var error = Assert.Throws<StatusKitValidationException>(() => CachetComponentsDocument.Read(document.RootElement));

        Assert.Contains("one page of 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("?per_page=", error.Message, StringComparison.Ordinal);
    }
}
