using Microsoft.EntityFrameworkCore.Migrations;

namespace StatusKit.EntityFrameworkCore.Migrations;

/// <summary>
/// The <c>status_incident_id</c> column of subscribers (<see cref="Model.Subscriber.StatusIncidentId"/>: the one status
/// incident a subscriber follows, null for a follower of the page; no foreign key, so a deleted incident's followers keep
/// it) and the uniqueness that goes with it: the initial (page, channel, destination key) unique index becomes partial to
/// the page's followers, and a second unique index, partial to the incidents' followers, leads with the incident, which
/// is how an incident's notices find its followers. The same on both providers (the filters are SQL both read): each
/// provider's migration only names its column type and how it drops a column. Subscribers stored before the migration
/// get null (they follow their page) and need nothing more.
/// </summary>
internal static class SubscriberStatusIncidentColumn
{
    public const string Table = "statuskit_subscribers";

    public const string Column = "status_incident_id";

    private const string PageFollowersIndex = "IX_statuskit_subscribers_page_id_channel_destination_key";

    private const string IncidentFollowersIndex = "IX_statuskit_subscribers_incident_channel_destination_key";

    public static void Add(MigrationBuilder migrationBuilder, string guidType)
    {
        migrationBuilder.AddColumn<Guid>(name: Column, table: Table, type: guidType, nullable: true);
        migrationBuilder.DropIndex(name: PageFollowersIndex, table: Table);
        migrationBuilder.CreateIndex(
            name: PageFollowersIndex, table: Table, columns: ["page_id", "channel", "destination_key"], unique: true,
            filter: Configuration.SubscriberConfiguration.PageFollowerFilter);
        migrationBuilder.CreateIndex(
            name: IncidentFollowersIndex, table: Table, columns: [Column, "channel", "destination_key"], unique: true,
            filter: Configuration.SubscriberConfiguration.IncidentFollowerFilter);
    }

    /// <summary>
    /// Undoes the indexes (the caller then drops the column): the incidents' followers are deleted first, since the
    /// initial index, unique over the whole page again, would refuse a destination that follows the page and an
    /// incident (and a follower of an incident would read as one of the page once its column is gone).
    /// </summary>
    public static void RemoveIndexes(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"DELETE FROM {Table} WHERE {Column} IS NOT NULL;");
        migrationBuilder.DropIndex(name: IncidentFollowersIndex, table: Table);
        migrationBuilder.DropIndex(name: PageFollowersIndex, table: Table);
        migrationBuilder.CreateIndex(name: PageFollowersIndex, table: Table, columns: ["page_id", "channel", "destination_key"], unique: true);
    }
}
