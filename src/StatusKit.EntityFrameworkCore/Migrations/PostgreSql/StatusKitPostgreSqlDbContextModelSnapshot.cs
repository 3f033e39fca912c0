using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace StatusKit.EntityFrameworkCore.Migrations.PostgreSql;

/// <summary>
/// The model as the PostgreSQL migrations leave it, frozen by hand: a model change without a new migration shows up
/// as pending model changes (a test checks there are none).
/// </summary>
[DbContext(typeof(StatusKitPostgreSqlDbContext))]
internal sealed class StatusKitPostgreSqlDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");
        modelBuilder.HasAnnotation("Relational:MaxIdentifierLength", 63);

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.AuditEntryEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<string>("Action")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("action");

            b.Property<string>("Actor")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("actor");

            b.Property<string>("Fields")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("fields");

            b.Property<DateTime>("OccurredAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("occurred_at");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<Guid>("TargetId")
                .HasColumnType("uuid")
                .HasColumnName("target_id");

            b.Property<string>("TargetKind")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("target_kind");

            b.HasKey("Id");

            b.HasIndex("OccurredAt");

            b.HasIndex("PageId", "OccurredAt", "Id");

            b.ToTable("statuskit_audit_entries", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.ComponentEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("Description")
                .HasColumnType("text")
                .HasColumnName("description");

            b.Property<int>("DisplayOrder")
                .HasColumnType("integer")
                .HasColumnName("display_order");

            b.Property<string>("GroupName")
                .HasColumnType("text")
                .HasColumnName("group_name");

            b.Property<Guid?>("LastHistoryId")
                .HasColumnType("uuid")
                .HasColumnName("last_history_id");

            b.Property<int?>("ManualStatus")
                .HasColumnType("integer")
                .HasColumnName("manual_status");

            b.Property<DateTime?>("ManualStatusExpiresAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("manual_status_expires_at");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name");

            b.Property<string>("NameKey")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name_key");

            b.Property<bool>("OnlyShowIfDegraded")
                .HasColumnType("boolean")
                .HasColumnName("only_show_if_degraded");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<string>("ServiceIdentifier")
                .HasColumnType("text")
                .HasColumnName("service_identifier");

            b.Property<int>("Status")
                .HasColumnType("integer")
                .HasColumnName("status");

            b.Property<DateTime>("StatusUpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("status_updated_at");

            b.Property<string>("TeamId")
                .HasColumnType("text")
                .HasColumnName("team_id");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("updated_at");

            b.Property<string>("UpstreamComponentId")
                .HasColumnType("text")
                .HasColumnName("upstream_component_id");

            b.Property<DateTime?>("UpstreamReadAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("upstream_read_at");

            b.Property<int?>("UpstreamStatus")
                .HasColumnType("integer")
                .HasColumnName("upstream_status");

            b.Property<string>("UpstreamUrl")
                .HasColumnType("text")
                .HasColumnName("upstream_url");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("TeamId");

            b.HasIndex("PageId", "DisplayOrder");

            b.HasIndex("PageId", "NameKey").IsUnique();

            b.ToTable("statuskit_components", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.IncidentTemplateEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("Message")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("message");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name");

            b.Property<string>("NameKey")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name_key");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<int>("Severity")
                .HasColumnType("integer")
                .HasColumnName("severity");

            b.Property<int?>("State")
                .HasColumnType("integer")
                .HasColumnName("state");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("title");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("PageId", "NameKey").IsUnique();

            b.ToTable("statuskit_incident_templates", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.IncidentSignalEntity", b =>
        {
            b.Property<string>("IncidentId")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("incident_id");

            b.Property<DateTime>("OccurredAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("occurred_at");

            b.Property<string>("Priority")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("priority");

            b.Property<string>("ServiceIdentifier")
                .HasColumnType("text")
                .HasColumnName("service_identifier");

            b.Property<int>("State")
                .HasColumnType("integer")
                .HasColumnName("state");

            b.Property<string>("TeamId")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("team_id");

            b.Property<string>("Title")
                .HasColumnType("text")
                .HasColumnName("title");

            b.Property<long>("Version")
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("IncidentId");

            b.HasIndex("TeamId", "State");

            b.ToTable("statuskit_incident_signals", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.MaintenanceWindowEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTime?>("AnnouncedFor")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("announced_for");

            b.Property<bool>("AutoUpdateStatus")
                .HasColumnType("boolean")
                .HasColumnName("auto_update_status");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("CreatedBy")
                .HasColumnType("text")
                .HasColumnName("created_by");

            b.Property<string>("Description")
                .HasColumnType("text")
                .HasColumnName("description");

            b.Property<DateTime>("EndsAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("ends_at");

            b.Property<string>("ExcludedOccurrences")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("excluded_occurrences");

            b.Property<bool>("NotifySubscribers")
                .HasColumnType("boolean")
                .HasColumnName("notify_subscribers");

            b.Property<DateTime>("OccurrenceEndsAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("occurrence_ends_at");

            b.Property<DateTime>("OccurrenceStartsAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("occurrence_starts_at");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<string>("Recurrence")
                .HasColumnType("text")
                .HasColumnName("recurrence");

            b.Property<DateTime?>("ReminderSentFor")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("reminder_sent_for");

            b.Property<DateTime>("StartsAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("starts_at");

            b.Property<int>("State")
                .HasColumnType("integer")
                .HasColumnName("state");

            b.Property<DateTime?>("StatusSwitchedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("status_switched_at");

            b.Property<string>("TimeZoneId")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("time_zone_id");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("title");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("PageId", "StatusSwitchedAt");

            b.HasIndex("PageId", "OccurrenceStartsAt", "Id")
                .HasDatabaseName("IX_statuskit_maintenance_windows_page_start_id");

            b.HasIndex("PageId", "State", "OccurrenceStartsAt", "Id")
                .HasDatabaseName("IX_statuskit_maintenance_windows_page_id_state_start_id");

            b.HasIndex("State", "OccurrenceStartsAt");

            b.ToTable("statuskit_maintenance_windows", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.NotificationEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<int>("Attempts")
                .HasColumnType("integer")
                .HasColumnName("attempts");

            b.Property<int>("Channel")
                .HasColumnType("integer")
                .HasColumnName("channel");

            b.Property<string>("CoalesceKey")
                .HasColumnType("text")
                .HasColumnName("coalesce_key");

            b.Property<DateTime?>("CompletedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("completed_at");

            b.Property<string>("Content")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("content");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("DeduplicationKey")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("deduplication_key");

            b.Property<DateTime>("DueAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("due_at");

            b.Property<string>("LastError")
                .HasColumnType("text")
                .HasColumnName("last_error");

            b.Property<DateTime?>("LeaseExpiresAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("lease_expires_at");

            b.Property<string>("LeaseOwner")
                .HasColumnType("text")
                .HasColumnName("lease_owner");

            b.Property<DateTime?>("NotAfter")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("not_after");

            b.Property<DateTime?>("OccurredAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("occurred_at");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<int>("State")
                .HasColumnType("integer")
                .HasColumnName("state");

            b.Property<Guid>("SubscriberId")
                .HasColumnType("uuid")
                .HasColumnName("subscriber_id");

            b.HasKey("Id");

            b.HasIndex("CoalesceKey");

            b.HasIndex("DeduplicationKey").IsUnique();

            b.HasIndex("PageId", "CreatedAt", "Id");

            b.HasIndex("State", "DueAt", "Id");

            b.HasIndex("SubscriberId", "CreatedAt");

            b.HasIndex("SubscriberId", "State");

            b.ToTable("statuskit_notifications", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.PageEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<string>("AccentColor")
                .HasColumnType("text")
                .HasColumnName("accent_color");

            b.Property<string>("AccessTokenHash")
                .HasColumnType("text")
                .HasColumnName("access_token_hash");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("CreatedBy")
                .HasColumnType("text")
                .HasColumnName("created_by");

            b.Property<string>("CustomDomain")
                .HasColumnType("text")
                .HasColumnName("custom_domain");

            b.Property<string>("Description")
                .HasColumnType("text")
                .HasColumnName("description");

            b.Property<string>("HomepageUrl")
                .HasColumnType("text")
                .HasColumnName("homepage_url");

            b.Property<bool>("IsPublic")
                .HasColumnType("boolean")
                .HasColumnName("is_public");

            b.Property<string>("Language")
                .HasColumnType("text")
                .HasColumnName("language");

            b.Property<string>("LogoUrl")
                .HasColumnType("text")
                .HasColumnName("logo_url");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name");

            b.Property<string>("Slug")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("slug");

            b.Property<string>("TeamId")
                .HasColumnType("text")
                .HasColumnName("team_id");

            b.Property<string>("TimeZoneId")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("time_zone_id");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("CustomDomain").IsUnique();

            b.HasIndex("Slug").IsUnique();

            b.HasIndex("TeamId");

            b.ToTable("statuskit_pages", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusHistoryEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTime>("At")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("at");

            b.Property<string>("Cause")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("cause");

            b.Property<Guid>("ComponentId")
                .HasColumnType("uuid")
                .HasColumnName("component_id");

            b.Property<int>("NewStatus")
                .HasColumnType("integer")
                .HasColumnName("new_status");

            b.Property<int>("OldStatus")
                .HasColumnType("integer")
                .HasColumnName("old_status");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<Guid?>("PreviousId")
                .HasColumnType("uuid")
                .HasColumnName("previous_id");

            b.HasKey("Id");

            b.HasIndex("PageId", "At");

            b.ToTable("statuskit_status_history", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusIncidentEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<string>("Message")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("message");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<string>("PlatformIncidentId")
                .HasColumnType("text")
                .HasColumnName("platform_incident_id");

            b.Property<string>("Postmortem")
                .HasColumnType("text")
                .HasColumnName("postmortem");

            b.Property<DateTime?>("PostmortemPublishedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("postmortem_published_at");

            b.Property<DateTime?>("ResolvedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("resolved_at");

            b.Property<int>("Severity")
                .HasColumnType("integer")
                .HasColumnName("severity");

            b.Property<int>("State")
                .HasColumnType("integer")
                .HasColumnName("state");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("title");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("PageId", "CreatedAt");

            b.HasIndex("PageId", "State");

            b.HasIndex("PageId", "UpdatedAt");

            b.ToTable("statuskit_status_incidents", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusIncidentUpdateEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTime>("At")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("at");

            b.Property<Guid>("IncidentId")
                .HasColumnType("uuid")
                .HasColumnName("incident_id");

            b.Property<string>("Message")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("message");

            b.Property<bool>("NotifySubscribers")
                .HasColumnType("boolean")
                .HasColumnName("notify_subscribers");

            b.Property<int>("Position")
                .HasColumnType("integer")
                .HasColumnName("position");

            b.Property<int>("State")
                .HasColumnType("integer")
                .HasColumnName("state");

            b.HasKey("Id");

            b.HasIndex("IncidentId", "Position").IsUnique();

            b.ToTable("statuskit_status_incident_updates", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.SubscriberEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTime?>("ActivatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("activated_at");

            b.Property<int>("Channel")
                .HasColumnType("integer")
                .HasColumnName("channel");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<int?>("DeactivationReason")
                .HasColumnType("integer")
                .HasColumnName("deactivation_reason");

            b.Property<string>("Destination")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("destination");

            b.Property<string>("DestinationKey")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("destination_key");

            b.Property<bool>("IsActive")
                .HasColumnType("boolean")
                .HasColumnName("is_active");

            b.Property<bool>("IsVerified")
                .HasColumnType("boolean")
                .HasColumnName("is_verified");

            b.Property<int>("NotifyOn")
                .HasColumnType("integer")
                .HasColumnName("notify_on");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<string>("PreviousSigningSecret")
                .HasColumnType("text")
                .HasColumnName("previous_signing_secret");

            b.Property<DateTime?>("PreviousSigningSecretExpiresAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("previous_signing_secret_expires_at");

            b.Property<string>("SigningSecret")
                .HasColumnType("text")
                .HasColumnName("signing_secret");

            b.Property<Guid?>("StatusIncidentId")
                .HasColumnType("uuid")
                .HasColumnName("status_incident_id");

            b.Property<string>("UnsubscribeTokenHash")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("unsubscribe_token_hash");

            b.Property<string>("VerifyTokenHash")
                .HasColumnType("text")
                .HasColumnName("verify_token_hash");

            b.Property<DateTime?>("VerifyTokenIssuedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("verify_token_issued_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("UnsubscribeTokenHash");

            b.HasIndex("VerifyTokenHash");

            b.HasIndex("PageId", "Channel", "DestinationKey")
                .IsUnique()
                .HasFilter("status_incident_id IS NULL");

            b.HasIndex("PageId", "CreatedAt", "Id");

            b.HasIndex("StatusIncidentId", "Channel", "DestinationKey")
                .IsUnique()
                .HasDatabaseName("IX_statuskit_subscribers_incident_channel_destination_key")
                .HasFilter("status_incident_id IS NOT NULL");

            b.HasIndex("VerifyTokenIssuedAt", "CreatedAt")
                .HasFilter("NOT is_verified");

            b.ToTable("statuskit_subscribers", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.MetricPointEntity", b =>
        {
            b.Property<Guid>("MetricId")
                .HasColumnType("uuid")
                .HasColumnName("metric_id");

            b.Property<DateTime>("At")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("at");

            b.Property<double>("Value")
                .HasColumnType("double precision")
                .HasColumnName("value");

            b.HasKey("MetricId", "At");

            b.HasIndex("At");

            b.ToTable("statuskit_metric_points", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.PageMetricEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("uuid")
                .HasColumnName("id");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("created_at");

            b.Property<int>("Decimals")
                .HasColumnType("integer")
                .HasColumnName("decimals");

            b.Property<string>("Description")
                .HasColumnType("text")
                .HasColumnName("description");

            b.Property<int>("DisplayOrder")
                .HasColumnType("integer")
                .HasColumnName("display_order");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name");

            b.Property<string>("NameKey")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("name_key");

            b.Property<Guid>("PageId")
                .HasColumnType("uuid")
                .HasColumnName("page_id");

            b.Property<string>("Suffix")
                .IsRequired()
                .HasColumnType("text")
                .HasColumnName("suffix");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("timestamp with time zone")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("bigint")
                .HasColumnName("version");

            b.Property<bool>("Visible")
                .HasColumnType("boolean")
                .HasColumnName("visible");

            b.HasKey("Id");

            b.HasIndex("PageId", "NameKey").IsUnique();

            b.ToTable("statuskit_page_metrics", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.ComponentEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.IncidentTemplateEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.MaintenanceWindowEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.NotificationEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusHistoryEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusIncidentEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusIncidentUpdateEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.StatusIncidentEntity", null)
                .WithMany("Updates")
                .HasForeignKey("IncidentId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.SubscriberEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.MetricPointEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageMetricEntity", null)
                .WithMany()
                .HasForeignKey("MetricId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.PageMetricEntity", b =>
        {
            b.HasOne("StatusKit.EntityFrameworkCore.Entities.PageEntity", null)
                .WithMany()
                .HasForeignKey("PageId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();

        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusIncidentEntity", b => b.Navigation("Updates"));
    }
}
