using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StatusKit.EntityFrameworkCore.Entities;

namespace StatusKit.EntityFrameworkCore.Configuration;

/// <summary>
/// Maps maintenance windows: state + occurrence start (what a scheduler scans), page + occurrence start + id (a page's
/// windows, read latest first a page at a time), page + status switch time (the windows a recompute reads that ended
/// while a component was Under Maintenance), and page + state + occurrence start + id (a page's windows in one state,
/// its latest completed ones say, read latest first a page at a time, and its open ones).
/// </summary>
internal sealed class MaintenanceWindowConfiguration(StatusKitModelOptions options) : IEntityTypeConfiguration<MaintenanceWindowEntity>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindowEntity> builder)
    {
        builder.ToTable(options.TablePrefix + StatusKitTableNames.MaintenanceWindows, options.Schema);
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.HasOne<PageEntity>().WithMany().HasForeignKey(w => w.PageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.State, w.OccurrenceStartsAt });
        builder.HasIndex(w => new { w.PageId, w.StatusSwitchedAt });

        // Named, because the default names (of the columns) are longer than PostgreSQL's 63-byte identifiers. PostgreSQL
        // cuts a longer name (one with a long table prefix) at 63 bytes, so the two names differ early: "page_s…" and
        // "page_i…" stay apart where "page_id_start…" and "page_id_state…" would both become "…page_id_s".
        builder.HasIndex(w => new { w.PageId, w.OccurrenceStartsAt, w.Id })
            .HasDatabaseName($"IX_{options.TablePrefix}{StatusKitTableNames.MaintenanceWindows}_page_start_id");
        builder.HasIndex(w => new { w.PageId, w.State, w.OccurrenceStartsAt, w.Id })
            .HasDatabaseName($"IX_{options.TablePrefix}{StatusKitTableNames.MaintenanceWindows}_page_id_state_start_id");
    }
}
