using System.Text;
using System.Text.Encodings.Web;
using StatusKit.Engine;
using StatusKit.Model;

namespace StatusKit.SampleHost;

/// <summary><c>/sample/simulate</c>: trigger, acknowledge and resolve a fake platform incident; <c>/sample/webhook-sink</c>: logs webhooks.</summary>
public static class SimulatorEndpoints
{
    public const string IncidentId = "sample-incident";

    public static void MapSampleEndpoints(this WebApplication app)
    {
        var sample = app.MapGroup("/sample").ExcludeFromDescription();
        sample.MapGet("/simulate", (HttpContext context) => Results.Content(Page(context.Request.PathBase), "text/html; charset=utf-8"));
        sample.MapPost("/simulate/{action}", async (string action, IIncidentIntake intake, TimeProvider time, HttpContext context) =>
        {
            PlatformIncidentState? state = action switch
            {
                "trigger" => PlatformIncidentState.Triggered,
                "acknowledge" => PlatformIncidentState.Acknowledged,
                "resolve" => PlatformIncidentState.Resolved,
                _ => null,
            };
            if (state is null)
            {
                return Results.NotFound();
            }

            var now = time.GetUtcNow();
            await intake.ReportIncidentAsync(new IncidentSignal
            {
                IncidentId = IncidentId,
                TeamId = SampleSeeder.PaymentsTeam,
                ServiceIdentifier = "checkout",
                Priority = context.Request.HasFormContentType && context.Request.Form["priority"] is { Count: > 0 } p ? p.ToString() : "Critical",
                State = state.Value,
                Version = now.UtcTicks,
                OccurredAt = now,
                Title = "Simulated payments outage",
            }, context.RequestAborted);
            return Results.Redirect($"{context.Request.PathBase}/sample/simulate?done={action}");
        }).DisableAntiforgery();
        sample.MapPost("/webhook-sink", async (HttpContext context, ILoggerFactory loggers) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            SampleLog.WebhookReceived(loggers.CreateLogger("StatusKit.SampleHost.WebhookSink"), context.Request.Headers["webhook-id"].ToString(), body);
            return Results.NoContent();
        });
    }

    private static string Page(PathString pathBase)
    {
        var root = HtmlEncoder.Default.Encode(pathBase.Value ?? string.Empty);
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Simulate an incident</title>
            <style>body{font:16px system-ui,sans-serif;max-width:640px;margin:24px auto;padding:0 16px}button{font:inherit;padding:8px 14px;margin:4px}</style></head>
            <body><main><h1>Simulate a platform incident</h1>
            <p>Open <a href="{{root}}/status/demo" target="_blank">the demo status page</a> next to this one, then:</p>
            <form method="post" action="{{root}}/sample/simulate/trigger"><label>Priority <select name="priority"><option>Critical</option><option>High</option><option>Medium</option><option>Low</option></select></label> <button type="submit">Trigger</button></form>
            <form method="post" action="{{root}}/sample/simulate/acknowledge"><button type="submit">Acknowledge</button></form>
            <form method="post" action="{{root}}/sample/simulate/resolve"><button type="submit">Resolve</button></form>
            <p>The incident belongs to the <code>payments</code> team: its <code>checkout</code> service moves Checkout, and Invoicing (bound to no service) moves with every payments incident.</p>
            </main></body></html>
            """;
    }
}
