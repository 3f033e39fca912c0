using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace StatusKit.EntityFrameworkCore.Migrations.Sqlite;

/// <summary>
/// The model as the SQLite migrations leave it, frozen by hand: a model change without a new migration shows up
/// as pending model changes (a test checks there are none).
/// </summary>
[DbContext(typeof(StatusKitSqliteDbContext))]
internal sealed class StatusKitSqliteDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.AuditEntryEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<string>("Action")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("action");

            b.Property<string>("Actor")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("actor");

            b.Property<string>("Fields")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("fields");

            b.Property<DateTime>("OccurredAt")
                .HasColumnType("TEXT")
                .HasColumnName("occurred_at");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<Guid>("TargetId")
                .HasColumnType("TEXT")
                .HasColumnName("target_id");

            b.Property<string>("TargetKind")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("target_kind");

            b.HasKey("Id");

            b.HasIndex("OccurredAt");

            b.HasIndex("PageId", "OccurredAt", "Id");

            b.ToTable("statuskit_audit_entries", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.ComponentEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<string>("Description")
                .HasColumnType("TEXT")
                .HasColumnName("description");

            b.Property<int>("DisplayOrder")
                .HasColumnType("INTEGER")
                .HasColumnName("display_order");

            b.Property<string>("GroupName")
                .HasColumnType("TEXT")
                .HasColumnName("group_name");

            b.Property<Guid?>("LastHistoryId")
                .HasColumnType("TEXT")
                .HasColumnName("last_history_id");

            b.Property<int?>("ManualStatus")
                .HasColumnType("INTEGER")
                .HasColumnName("manual_status");

            b.Property<DateTime?>("ManualStatusExpiresAt")
                .HasColumnType("TEXT")
                .HasColumnName("manual_status_expires_at");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name");

            b.Property<string>("NameKey")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name_key");

            b.Property<bool>("OnlyShowIfDegraded")
                .HasColumnType("INTEGER")
                .HasColumnName("only_show_if_degraded");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<string>("ServiceIdentifier")
                .HasColumnType("TEXT")
                .HasColumnName("service_identifier");

            b.Property<int>("Status")
                .HasColumnType("INTEGER")
                .HasColumnName("status");

            b.Property<DateTime>("StatusUpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("status_updated_at");

            b.Property<string>("TeamId")
                .HasColumnType("TEXT")
                .HasColumnName("team_id");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("updated_at");

            b.Property<string>("UpstreamComponentId")
                .HasColumnType("TEXT")
                .HasColumnName("upstream_component_id");

            b.Property<DateTime?>("UpstreamReadAt")
                .HasColumnType("TEXT")
                .HasColumnName("upstream_read_at");

            b.Property<int?>("UpstreamStatus")
                .HasColumnType("INTEGER")
                .HasColumnName("upstream_status");

            b.Property<string>("UpstreamUrl")
                .HasColumnType("TEXT")
                .HasColumnName("upstream_url");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("INTEGER")
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
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<string>("Message")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("message");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name");

            b.Property<string>("NameKey")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name_key");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<int>("Severity")
                .HasColumnType("INTEGER")
                .HasColumnName("severity");

            b.Property<int?>("State")
                .HasColumnType("INTEGER")
                .HasColumnName("state");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("title");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("INTEGER")
                .HasColumnName("version");

            b.HasKey("Id");

            b.HasIndex("PageId", "NameKey").IsUnique();

            b.ToTable("statuskit_incident_templates", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.IncidentSignalEntity", b =>
        {
            b.Property<string>("IncidentId")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("incident_id");

            b.Property<DateTime>("OccurredAt")
                .HasColumnType("TEXT")
                .HasColumnName("occurred_at");

            b.Property<string>("Priority")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("priority");

            b.Property<string>("ServiceIdentifier")
                .HasColumnType("TEXT")
                .HasColumnName("service_identifier");

            b.Property<int>("State")
                .HasColumnType("INTEGER")
                .HasColumnName("state");

            b.Property<string>("TeamId")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("team_id");

            b.Property<string>("Title")
                .HasColumnType("TEXT")
                .HasColumnName("title");

            b.Property<long>("Version")
                .HasColumnType("INTEGER")
                .HasColumnName("version");

            b.HasKey("IncidentId");

            b.HasIndex("TeamId", "State");

            b.ToTable("statuskit_incident_signals", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.MaintenanceWindowEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<DateTime?>("AnnouncedFor")
                .HasColumnType("TEXT")
                .HasColumnName("announced_for");

            b.Property<bool>("AutoUpdateStatus")
                .HasColumnType("INTEGER")
                .HasColumnName("auto_update_status");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<string>("CreatedBy")
                .HasColumnType("TEXT")
                .HasColumnName("created_by");

            b.Property<string>("Description")
                .HasColumnType("TEXT")
                .HasColumnName("description");

            b.Property<DateTime>("EndsAt")
                .HasColumnType("TEXT")
                .HasColumnName("ends_at");

            b.Property<string>("ExcludedOccurrences")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("excluded_occurrences");

            b.Property<bool>("NotifySubscribers")
                .HasColumnType("INTEGER")
                .HasColumnName("notify_subscribers");

            b.Property<DateTime>("OccurrenceEndsAt")
                .HasColumnType("TEXT")
                .HasColumnName("occurrence_ends_at");

            b.Property<DateTime>("OccurrenceStartsAt")
                .HasColumnType("TEXT")
                .HasColumnName("occurrence_starts_at");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<string>("Recurrence")
                .HasColumnType("TEXT")
                .HasColumnName("recurrence");

            b.Property<DateTime?>("ReminderSentFor")
                .HasColumnType("TEXT")
                .HasColumnName("reminder_sent_for");

            b.Property<DateTime>("StartsAt")
                .HasColumnType("TEXT")
                .HasColumnName("starts_at");

            b.Property<int>("State")
                .HasColumnType("INTEGER")
                .HasColumnName("state");

            b.Property<DateTime?>("StatusSwitchedAt")
                .HasColumnType("TEXT")
                .HasColumnName("status_switched_at");

            b.Property<string>("TimeZoneId")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("time_zone_id");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("title");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .HasColumnType("INTEGER")
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
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<int>("Attempts")
                .HasColumnType("INTEGER")
                .HasColumnName("attempts");

            b.Property<int>("Channel")
                .HasColumnType("INTEGER")
                .HasColumnName("channel");

            b.Property<string>("CoalesceKey")
                .HasColumnType("TEXT")
                .HasColumnName("coalesce_key");

            b.Property<DateTime?>("CompletedAt")
                .HasColumnType("TEXT")
                .HasColumnName("completed_at");

            b.Property<string>("Content")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("content");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<string>("DeduplicationKey")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("deduplication_key");

            b.Property<DateTime>("DueAt")
                .HasColumnType("TEXT")
                .HasColumnName("due_at");

            b.Property<string>("LastError")
                .HasColumnType("TEXT")
                .HasColumnName("last_error");

            b.Property<DateTime?>("LeaseExpiresAt")
                .HasColumnType("TEXT")
                .HasColumnName("lease_expires_at");

            b.Property<string>("LeaseOwner")
                .HasColumnType("TEXT")
                .HasColumnName("lease_owner");

            b.Property<DateTime?>("NotAfter")
                .HasColumnType("TEXT")
                .HasColumnName("not_after");

            b.Property<DateTime?>("OccurredAt")
                .HasColumnType("TEXT")
                .HasColumnName("occurred_at");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<int>("State")
                .HasColumnType("INTEGER")
                .HasColumnName("state");

            b.Property<Guid>("SubscriberId")
                .HasColumnType("TEXT")
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
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<string>("AccentColor")
                .HasColumnType("TEXT")
                .HasColumnName("accent_color");

            b.Property<string>("AccessTokenHash")
                .HasColumnType("TEXT")
                .HasColumnName("access_token_hash");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<string>("CreatedBy")
                .HasColumnType("TEXT")
                .HasColumnName("created_by");

            b.Property<string>("CustomDomain")
                .HasColumnType("TEXT")
                .HasColumnName("custom_domain");

            b.Property<string>("Description")
                .HasColumnType("TEXT")
                .HasColumnName("description");

            b.Property<string>("HomepageUrl")
                .HasColumnType("TEXT")
                .HasColumnName("homepage_url");

            b.Property<bool>("IsPublic")
                .HasColumnType("INTEGER")
                .HasColumnName("is_public");

            b.Property<string>("Language")
                .HasColumnType("TEXT")
                .HasColumnName("language");

            b.Property<string>("LogoUrl")
                .HasColumnType("TEXT")
                .HasColumnName("logo_url");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name");

            b.Property<string>("Slug")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("slug");

            b.Property<string>("TeamId")
                .HasColumnType("TEXT")
                .HasColumnName("team_id");

            b.Property<string>("TimeZoneId")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("time_zone_id");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("INTEGER")
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
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<DateTime>("At")
                .HasColumnType("TEXT")
                .HasColumnName("at");

            b.Property<string>("Cause")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("cause");

            b.Property<Guid>("ComponentId")
                .HasColumnType("TEXT")
                .HasColumnName("component_id");

            b.Property<int>("NewStatus")
                .HasColumnType("INTEGER")
                .HasColumnName("new_status");

            b.Property<int>("OldStatus")
                .HasColumnType("INTEGER")
                .HasColumnName("old_status");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<Guid?>("PreviousId")
                .HasColumnType("TEXT")
                .HasColumnName("previous_id");

            b.HasKey("Id");

            b.HasIndex("PageId", "At");

            b.ToTable("statuskit_status_history", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.StatusIncidentEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<string>("Message")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("message");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<string>("PlatformIncidentId")
                .HasColumnType("TEXT")
                .HasColumnName("platform_incident_id");

            b.Property<string>("Postmortem")
                .HasColumnType("TEXT")
                .HasColumnName("postmortem");

            b.Property<DateTime?>("PostmortemPublishedAt")
                .HasColumnType("TEXT")
                .HasColumnName("postmortem_published_at");

            b.Property<DateTime?>("ResolvedAt")
                .HasColumnType("TEXT")
                .HasColumnName("resolved_at");

            b.Property<int>("Severity")
                .HasColumnType("INTEGER")
                .HasColumnName("severity");

            b.Property<int>("State")
                .HasColumnType("INTEGER")
                .HasColumnName("state");

            b.Property<string>("Title")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("title");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("INTEGER")
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
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<DateTime>("At")
                .HasColumnType("TEXT")
                .HasColumnName("at");

            b.Property<Guid>("IncidentId")
                .HasColumnType("TEXT")
                .HasColumnName("incident_id");

            b.Property<string>("Message")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("message");

            b.Property<bool>("NotifySubscribers")
                .HasColumnType("INTEGER")
                .HasColumnName("notify_subscribers");

            b.Property<int>("Position")
                .HasColumnType("INTEGER")
                .HasColumnName("position");

            b.Property<int>("State")
                .HasColumnType("INTEGER")
                .HasColumnName("state");

            b.HasKey("Id");

            b.HasIndex("IncidentId", "Position").IsUnique();

            b.ToTable("statuskit_status_incident_updates", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.SubscriberEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<DateTime?>("ActivatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("activated_at");

            b.Property<int>("Channel")
                .HasColumnType("INTEGER")
                .HasColumnName("channel");

            b.Property<string>("ComponentIds")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("component_ids");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<int?>("DeactivationReason")
                .HasColumnType("INTEGER")
                .HasColumnName("deactivation_reason");

            b.Property<string>("Destination")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("destination");

            b.Property<string>("DestinationKey")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("destination_key");

            b.Property<bool>("IsActive")
                .HasColumnType("INTEGER")
                .HasColumnName("is_active");

            b.Property<bool>("IsVerified")
                .HasColumnType("INTEGER")
                .HasColumnName("is_verified");

            b.Property<int>("NotifyOn")
                .HasColumnType("INTEGER")
                .HasColumnName("notify_on");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<string>("PreviousSigningSecret")
                .HasColumnType("TEXT")
                .HasColumnName("previous_signing_secret");

            b.Property<DateTime?>("PreviousSigningSecretExpiresAt")
                .HasColumnType("TEXT")
                .HasColumnName("previous_signing_secret_expires_at");

            b.Property<string>("SigningSecret")
                .HasColumnType("TEXT")
                .HasColumnName("signing_secret");

            b.Property<Guid?>("StatusIncidentId")
                .HasColumnType("TEXT")
                .HasColumnName("status_incident_id");

            b.Property<string>("UnsubscribeTokenHash")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("unsubscribe_token_hash");

            b.Property<string>("VerifyTokenHash")
                .HasColumnType("TEXT")
                .HasColumnName("verify_token_hash");

            b.Property<DateTime?>("VerifyTokenIssuedAt")
                .HasColumnType("TEXT")
                .HasColumnName("verify_token_issued_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("INTEGER")
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
                .HasColumnType("TEXT")
                .HasColumnName("metric_id");

            b.Property<DateTime>("At")
                .HasColumnType("TEXT")
                .HasColumnName("at");

            b.Property<double>("Value")
                .HasColumnType("REAL")
                .HasColumnName("value");

            b.HasKey("MetricId", "At");

            b.HasIndex("At");

            b.ToTable("statuskit_metric_points", (string?)null);
        });

        modelBuilder.Entity("StatusKit.EntityFrameworkCore.Entities.PageMetricEntity", b =>
        {
            b.Property<Guid>("Id")
                .HasColumnType("TEXT")
                .HasColumnName("id");

            b.Property<DateTime>("CreatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("created_at");

            b.Property<int>("Decimals")
                .HasColumnType("INTEGER")
                .HasColumnName("decimals");

            b.Property<string>("Description")
                .HasColumnType("TEXT")
                .HasColumnName("description");

            b.Property<int>("DisplayOrder")
                .HasColumnType("INTEGER")
                .HasColumnName("display_order");

            b.Property<string>("Name")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name");

            b.Property<string>("NameKey")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("name_key");

            b.Property<Guid>("PageId")
                .HasColumnType("TEXT")
                .HasColumnName("page_id");

            b.Property<string>("Suffix")
                .IsRequired()
                .HasColumnType("TEXT")
                .HasColumnName("suffix");

            b.Property<DateTime>("UpdatedAt")
                .HasColumnType("TEXT")
                .HasColumnName("updated_at");

            b.Property<long>("Version")
                .IsConcurrencyToken()
                .HasColumnType("INTEGER")
                .HasColumnName("version");

            b.Property<bool>("Visible")
                .HasColumnType("INTEGER")
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
