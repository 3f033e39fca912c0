using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;
using StatusKit.SampleHost;

var builder = WebApplication.CreateBuilder(args);
var dataDirectory = Path.GetFullPath(builder.Configuration["Sample:DataDirectory"] ?? "App_Data", builder.Environment.ContentRootPath);
builder.Services.AddSingleton(AdminApiKey.Load(builder.Configuration, dataDirectory));
var database = SampleDatabase.FromConfiguration(builder.Configuration, dataDirectory);
builder.Services.AddSingleton(database);
var links = SampleLinks.Load(builder.Configuration, dataDirectory);
builder.Services.AddSingleton(links);

var statusPages = builder.Services.AddStatusPages(options =>
    {
        // Confirmation, unsubscribe and page links in the notifications point at this host.
        options.PublicBaseAddress = links.PublicBaseAddress;
        options.LinkSigningKey = links.SigningKey;
    })
    .AddStatusPageEndpoints(options =>
    {
        options.AdminAuthorizationPolicy = "StatusKitAdmin";
        // A page with a custom domain answers on it (Host: status.acme.example gets that page at "/"), and the health
        // check stays reachable there for a load balancer that probes with the page's domain.
        options.ServeCustomDomains = builder.Configuration.GetValue("Sample:ServeCustomDomains", true);
        options.CustomDomainPassThroughPaths.Add("/healthz");
    })
    // Email goes to .eml files in the data directory instead of an SMTP server.
    .AddPickupDirectoryEmailNotifier(email => email.From = "status@example.com", pickup => pickup.Directory = Path.Combine(dataDirectory, "mail"))
    // The sample's webhook subscriber is its own /sample/webhook-sink on loopback: allowed here, never by default.
    .ConfigureWebhookAddresses(addresses => addresses.AllowPrivateNetworks = true);
// SMS through Twilio, only when configured (Sms:AccountSid, Sms:AuthToken, Sms:From or Sms:MessagingServiceSid): off by default.
if (builder.Configuration.GetSection("Sms") is { } sms && !string.IsNullOrEmpty(sms["AccountSid"]))
{
    statusPages.AddTwilioSmsNotifier(sms.Bind);
}

database.Register(builder.Services, statusPages);
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy("StatusKitAdmin", policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser());
builder.Services.AddOpenApi();
// Store reachable, and recomputes, maintenance and notification dispatch not failing: GET /healthz.
builder.Services.AddHealthChecks().AddStatusKit();
builder.Services.AddHostedService<SampleStartup>();
// Behind a reverse proxy on this machine that ends TLS and sends the page's domain in X-Forwarded-Host
// (Sample:BehindProxy, off): the forwarded headers of loopback (the default known proxies) are applied, and StatusKit
// reads a page's domain after them. A client that is no known proxy cannot forward a host.
var behindProxy = builder.Configuration.GetValue("Sample:BehindProxy", false);
if (behindProxy)
{
    builder.Services.Configure<ForwardedHeadersOptions>(o =>
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
}

var app = builder.Build();
// Before the hosted services (engine, scheduler, dispatcher, seeding) touch the store.
await database.MigrateAsync(app.Services);
if (behindProxy)
{
    app.UseForwardedHeaders();
    app.UseStatusPageCustomDomains();
}

app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapHealthChecks("/healthz");
app.MapStatusPages("/status");
app.MapSampleEndpoints();
app.MapFixedBytesEndpoint();
app.MapGet("/", () => Results.Redirect("/status/demo")).ExcludeFromDescription();
app.Run();

/// <summary>The sample host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
