using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.Abstractions;
using StatusKit.EntityFrameworkCore.Store;
using StatusKit.EntityFrameworkCore.Tests.Infrastructure;
using StatusKit.Model;

namespace StatusKit.EntityFrameworkCore.Tests;

public sealed class RegistrationTests : IAsyncLifetime
{
    private SqliteTestDatabase? _database;

    private SqliteTestDatabase Database => _database!;

    public async Task InitializeAsync() => _database = await SqliteTestDatabase.CreateAsync();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    [Fact]
    public async Task UseEntityFrameworkCoreStore_registers_one_singleton_store_over_the_context_factory_and_is_safe_to_call_twice()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<StatusKitSqliteDbContext>(o => o.UseSqlite(Database.ConnectionString));
        services.AddStatusPages()
            .UseEntityFrameworkCoreStore<StatusKitSqliteDbContext>()
            .UseEntityFrameworkCoreStore<StatusKitSqliteDbContext>();

        Assert.Single(services, d => d.ServiceType == typeof(IStatusStore));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var store = provider.GetRequiredService<IStatusStore>();
        Assert.IsType<EntityFrameworkCoreStatusStore<StatusKitSqliteDbContext>>(store);
        Assert.Same(store, provider.GetRequiredService<IStatusStore>());

        var page = Samples.Page("registered");
        await store.AddPageAsync(page, CancellationToken.None);
        Assert.Equal(page, await store.GetPageBySlugAsync("registered", CancellationToken.None));
    }

    [Fact]
    public void A_missing_context_factory_says_what_to_call()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStatusPages().UseEntityFrameworkCoreStore<StatusKitSqliteDbContext>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IStatusStore>());
        Assert.Contains("AddDbContextFactory<StatusKitSqliteDbContext>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_context_with_its_own_tables_and_a_table_prefix_holds_the_store()
    {
        var path = Path.Combine(Path.GetTempPath(), $"statuskit-host-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<HostDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        try
        {
            await using (var context = new HostDbContext(options))
            {
                await context.Database.EnsureCreatedAsync();
                var tables = await context.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'").ToListAsync();
                Assert.Contains("host_tickets", tables);
                Assert.Contains("sk_pages", tables);
                Assert.Contains("sk_notifications", tables);
                Assert.DoesNotContain("statuskit_pages", tables);
            }

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDbContextFactory<HostDbContext>(o => o.UseSqlite($"Data Source={path};Pooling=False"));
            services.AddStatusPages().UseEntityFrameworkCoreStore<HostDbContext>();
            await using var provider = services.BuildServiceProvider();
            var store = provider.GetRequiredService<IStatusStore>();

            var page = Samples.Page("host");
            await store.AddPageAsync(page, CancellationToken.None);
            var component = Samples.Component(page.Id, "API");
            await store.AddComponentAsync(component, CancellationToken.None);
            var inputs = await store.LoadStatusInputsAsync(StatusScope.ForPage(page.Id), CancellationToken.None);
            Assert.Equal([component.Id], inputs.Components.Select(c => c.Id));
            Assert.Equal(1, await store.EnqueueNotificationsAsync([Samples.Notification(page.Id, Guid.CreateVersion7(), "k", Samples.T0)], CancellationToken.None));
            Assert.Single(await store.ClaimNotificationsAsync("d", Samples.T0, Samples.T0.AddMinutes(1), 10, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_app_that_already_registers_its_context_with_AddDbContext_builds_with_Development_scope_validation_as_documented()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Services.AddDbContext<HostDbContext>(o => o.UseSqlite(Database.ConnectionString), optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddDbContextFactory<HostDbContext>(o => o.UseSqlite(Database.ConnectionString));
        builder.Services.AddStatusPages().UseEntityFrameworkCoreStore<HostDbContext>();

        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<HostDbContext>());
        Assert.IsType<EntityFrameworkCoreStatusStore<HostDbContext>>(host.Services.GetRequiredService<IStatusStore>());
    }

    public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<HostTicket>().ToTable("host_tickets");
            modelBuilder.ApplyStatusKitModel(o => o.TablePrefix = "sk_");
        }
    }

    public sealed class HostTicket
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";
    }
}
