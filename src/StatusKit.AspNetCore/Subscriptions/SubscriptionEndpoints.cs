using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StatusKit.AspNetCore.Access;
using StatusKit.AspNetCore.Html;
using StatusKit.AspNetCore.Texts;
using StatusKit.Engine;
using StatusKit.Model;
using StatusKit.Services;
using StatusKit.Shared;
using StatusKit.Snapshots;

namespace StatusKit.AspNetCore.Subscriptions;

/// <summary>
/// Subscriptions: <c>POST subscriptions</c> (rate-limited per client address and per destination; double opt-in; one
/// answer for every destination, so it does not tell who is subscribed), <c>GET|POST subscriptions/verify?token=</c>
/// and <c>GET|POST subscriptions/unsubscribe?token=</c> (the GETs ask first, so a link scanner can neither confirm a
/// subscription nor unsubscribe anyone; the unsubscribe POST is RFC 8058 one-click; an expired confirmation link
/// answers 410 Gone and says to subscribe again), and <c>GET|POST subscriptions/manage?token=</c>, with the unsubscribe
/// token, where a subscriber changes its events and components (<see cref="ManagePage"/>). No cache keeps, and no
/// <c>Referer</c> carries, an answer of these three, whose URL holds the token (<see cref="TokenLinks"/>), and they
/// share a per-client rate limit of their own (<see cref="TokenLinkRateLimit"/>). The POST that confirms a webhook subscription answers its signing
/// secret, once, to the holder of the token (which went only to the webhook URL): as JSON when the request accepts
/// <c>application/json</c>, which is how a receiver confirms by itself. A token works only on its own
/// page's routes: any other token gets the answer an unknown page gets, so a private page's name is shown only to
/// holders of one of its tokens.
/// </summary>
internal static class SubscriptionEndpoints
{

    // Room for a destination and more than a thousand component ids; nothing a person subscribes with comes near it.
    private const int MaxRequestBytes = 64 * 1024;

    // What a change of subscription may be sent as: the manage page's form, or JSON.
    private static readonly string[] FormOrJson = ["application/json", "application/x-www-form-urlencoded"];

    // The same answer for every destination (new, waiting for confirmation or already subscribed), without the
    // subscriber's id, which would tell a destination subscribed before (an older id) from a new one.
    private static readonly SubscriptionAccepted Accepted = new("pending_verification",
        "Unless the destination is already subscribed, a confirmation message was sent to it; the subscription starts once it is confirmed.");

    public static void Map(RouteGroupBuilder page, PagePaths paths)
    {
        var group = BodyContentTypes.AnswerWithProblems(
            page.MapGroup("/subscriptions").WithTags("Subscriptions").AddEndpointFilter<SubscriptionExceptionFilter>());
        group.MapPost("/", (HttpContext context, string slug) => SubscribeAsync(context, slug, paths))
            .WithName("StatusKit.Subscribe").WithSummary("Subscribe to a page (a verification message is sent).")
            .Accepts<SubscribeRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status400BadRequest)
            .Produces(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status413PayloadTooLarge).Produces(StatusCodes.Status429TooManyRequests);
        group.MapGetAndHead("/verify", (HttpContext context, string slug, string? token) => ConfirmVerifyAsync(context, slug, token, paths))
            .WithName("StatusKit.VerifySubscriptionPage").WithSummary("Ask before confirming a subscription.").HoldsTokenInUrl().RateLimitedPerClient();
        group.MapPost("/verify", (HttpContext context, string slug, string? token) => VerifyAsync(context, slug, token, paths))
            .WithName("StatusKit.VerifySubscription").WithSummary("Confirm a subscription (a webhook's answer carries its signing secret).")
            .Produces<SubscriptionConfirmed>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone).DisableAntiforgery().HoldsTokenInUrl().RateLimitedPerClient();
        group.MapGetAndHead("/unsubscribe", (HttpContext context, string slug, string? token) => ConfirmUnsubscribeAsync(context, slug, token, paths))
            .WithName("StatusKit.UnsubscribePage").WithSummary("Ask before unsubscribing.").HoldsTokenInUrl().RateLimitedPerClient();
        group.MapPost("/unsubscribe", (HttpContext context, string slug, string? token) => UnsubscribeAsync(context, slug, token, paths))
            .WithName("StatusKit.Unsubscribe").WithSummary("Unsubscribe (RFC 8058 one-click).")
            .Produces<SubscriptionEnded>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound).DisableAntiforgery().HoldsTokenInUrl().RateLimitedPerClient();
        // The body's type is checked after the token, so an unknown link gets the same 404 whatever it sends.
        group.MapGetAndHead("/manage", (HttpContext context, string slug, string? token) => ManagePageAsync(context, slug, token, paths))
            .WithName("StatusKit.ManageSubscriptionPage").WithSummary("Show a subscriber's events and components, to change them.").HoldsTokenInUrl().RateLimitedPerClient();
        group.MapPost("/manage", (HttpContext context, string slug, string? token) => ManageAsync(context, slug, token, paths))
            .WithName("StatusKit.ManageSubscription")
            .WithSummary("Change a subscriber's events and components (JSON, or a form, with the fields of a subscription: components, notifyOn). A follower of one incident has neither to change: either is a 400 naming it, and the answer's components and notifyOn are null, its incident the one it follows.")
            .Produces<SubscriptionChanged>(StatusCodes.Status200OK, "application/json", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).DisableAntiforgery().HoldsTokenInUrl().RateLimitedPerClient();
    }

    private static async Task<IResult> SubscribeAsync(HttpContext context, string slug, PagePaths paths)
    {
        var services = context.RequestServices;
        var snapshot = await services.GetRequiredService<PageAccess>().ResolveAsync(context, slug);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        SubscriptionPages.Remember(context, snapshot);

        // A person submitting the page's form gets pages back, with a link to the status page (carrying the token when
        // the page keeps it in its URL, as its form did); scripts get JSON.
        var backTo = SubscriptionPages.WantsPage(context.Request)
            ? PageLinks.For(context.Request, context.Request.PathBase + paths.PagePath(context.Request, slug)).Home
            : null;
        var limiter = services.GetRequiredService<SubscriptionRateLimiter>();
        if (!limiter.TryAcquire(context.Connection.RemoteIpAddress, out var retryAfter))
        {
            return TooManyRequests(context, slug, retryAfter, static t => t.TooManyFromAddress, backTo, snapshot);
        }

        if (!await BoundedRequestBody.TryBufferAsync(context, MaxRequestBytes))
        {
            Log.SubscriptionTooLarge(Log.For(context), slug, MaxRequestBytes);
            var texts = backTo is null ? PageTexts.English : SubscriptionPages.TextsOf(snapshot);
            return Refused(
                StatusCodes.Status413PayloadTooLarge, texts.RequestTooLarge + ".", texts.Format(texts.SubscribeTooLarge, MaxRequestBytes / 1024), backTo, snapshot);
        }

        var request = await ReadAsync(context);
        RefusalReasons.Remember(context, request);
        // Counted whether or not the destination is subscribed already, so the limit tells nothing about that either.
        if (!string.IsNullOrWhiteSpace(request.Destination)
            && !limiter.TryAcquireDestination(request.Channel ?? string.Empty, request.Destination, out retryAfter))
        {
            return TooManyRequests(context, slug, retryAfter, static t => t.TooManyForDestination, backTo, snapshot);
        }

        try
        {
            IncidentSubscriptionChoice.Check(request.Incident, request.Components is not null, request.NotifyOn is not null, "components");
            await services.GetRequiredService<SubscriberService>().SubscribeAsync(new Subscribe
            {
                PageId = snapshot.PageId,
                Channel = ChannelNames.Parse(request.Channel),
                Destination = request.Destination ?? string.Empty,
                ComponentIds = request.Components ?? [],
                NotifyOn = NotifyOnNames.Read(request.NotifyOn),
                StatusIncidentId = request.Incident,
            }, context.RequestAborted);
        }
        catch (StatusKitConflictException ex) when (ex.Field == "destination")
        {
            // Already subscribed and confirmed: nothing changes and nothing is sent, but the answer is the one any
            // other destination gets, so the route cannot tell who is subscribed.
        }

        return backTo is null
            ? TypedResults.Accepted((string?)null, Accepted)
            : SubscriptionPages.Message(
                StatusCodes.Status202Accepted, SubscriptionPages.TextsOf(snapshot).CheckYourMessages, SubscriptionPages.TextsOf(snapshot).CheckYourMessagesText,
                backTo: backTo, page: snapshot);
    }

    // detail: the text in a language's texts; a script gets it in English, a person in the page's language.
    private static IResult TooManyRequests(HttpContext context, string slug, TimeSpan retryAfter, Func<PageTexts, string> detail, string? backTo, PageSnapshot page)
    {
        Log.SubscriptionRateLimited(Log.For(context), slug);
        context.Response.Headers.RetryAfter = FixedWindowLimit.RetryAfterSeconds(retryAfter);

        var texts = backTo is null ? PageTexts.English : SubscriptionPages.TextsOf(page);
        return Refused(StatusCodes.Status429TooManyRequests, texts.TooManyRequests + ".", detail(texts), backTo, page);
    }

    // Problem details for a script; for a person (backTo set), a page in the page's branding that says the same and links back.
    internal static IResult Refused(int statusCode, string title, string detail, string? backTo, PageSnapshot page) =>
        backTo is null
            ? TypedResults.Problem(detail, statusCode: statusCode, title: title)
            : SubscriptionPages.Message(statusCode, title.TrimEnd('.'), detail, backTo: backTo, page: page);

    private static async Task<IResult> ConfirmVerifyAsync(HttpContext context, string slug, string? token, PagePaths paths)
    {
        var services = context.RequestServices;
        var page = await services.GetRequiredService<IStatusPageReader>().GetSnapshotBySlugAsync(slug, context.RequestAborted);
        var subscriber = page is null || string.IsNullOrEmpty(token)
            ? null
            : await services.GetRequiredService<SubscriberService>().FindByVerificationTokenAsync(page.PageId, token, context.RequestAborted);
        if (subscriber is null)
        {
            return await UnusableConfirmationLinkAsync(context, page, token);
        }

        // A follower of one incident confirms updates on that incident, as its verification message said.
        var title = await IncidentTitleAsync(context, subscriber);
        var texts = SubscriptionPages.TextsOf(page);
        var question = title is null ? texts.Format(texts.SubscribeQuestion, page!.Name) : texts.Format(texts.IncidentQuestion, title, page!.Name);
        return SubscriptionPages.Ask(context, question, texts.Confirm, $"{paths.PagePath(context.Request, slug)}/subscriptions/verify", token!, page, HomeOf(context, slug, paths));
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, string slug, string? token, PagePaths paths)
    {
        var services = context.RequestServices;
        var page = await services.GetRequiredService<IStatusPageReader>().GetSnapshotBySlugAsync(slug, context.RequestAborted);
        var subscriber = page is null || string.IsNullOrEmpty(token)
            ? null
            : await services.GetRequiredService<SubscriberService>().VerifyAsync(page.PageId, token, context.RequestAborted);
        return subscriber is null
            ? await UnusableConfirmationLinkAsync(context, page, token)
            : ConfirmationAnswer.Confirmed(context, page!, subscriber, HomeOf(context, slug, paths));
    }

    // An expired link of the page's own (its holder may see the page's name) says so and how to get a new one: 410
    // Gone. Any other gets the unknown-link answer.
    private static async Task<IResult> UnusableConfirmationLinkAsync(HttpContext context, PageSnapshot? page, string? token)
    {
        if (page is null || string.IsNullOrEmpty(token)
            || !await context.RequestServices.GetRequiredService<SubscriberService>().IsVerificationTokenExpiredAsync(page.PageId, token, context.RequestAborted))
        {
            return ConfirmationAnswer.UnknownLink(context, page, static t => t.UnknownConfirmationLink);
        }

        var texts = SubscriptionPages.TextsFor(context, page);
        return ConfirmationAnswer.Refused(context, StatusCodes.Status410Gone, texts.LinkExpired, texts.Format(texts.LinkExpiredText, page.Name), page);
    }

    private static async Task<IResult> ConfirmUnsubscribeAsync(HttpContext context, string slug, string? token, PagePaths paths)
    {
        var (page, subscriber) = await FindByUnsubscribeTokenAsync(context, slug, token);
        if (subscriber is null)
        {
            return ConfirmationAnswer.UnknownLink(context, page, static t => t.UnknownUnsubscribeLink);
        }

        var texts = SubscriptionPages.TextsOf(page);
        return SubscriptionPages.Ask(
            context, texts.Format(texts.UnsubscribeQuestion, page!.Name), texts.Unsubscribe, $"{paths.PagePath(context.Request, slug)}/subscriptions/unsubscribe", token!, page,
            HomeOf(context, slug, paths),
            subscriber is { IsActive: true, StatusIncidentId: null } ? (texts.ChangeInstead, $"{paths.PagePath(context.Request, slug)}/subscriptions/manage") : null);
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext context, string slug, string? token, PagePaths paths)
    {
        var services = context.RequestServices;
        var page = await services.GetRequiredService<IStatusPageReader>().GetSnapshotBySlugAsync(slug, context.RequestAborted);
        var done = page is not null && !string.IsNullOrEmpty(token)
            && await services.GetRequiredService<SubscriberService>().UnsubscribeAsync(page.PageId, token, context.RequestAborted);
        if (!done)
        {
            return ConfirmationAnswer.UnknownLink(context, page, static t => t.UnknownUnsubscribeLink);
        }

        // A script (a webhook receiver acting on a delivery's meta.unsubscribe) gets JSON, as the confirmation answers it.
        return ConfirmationAnswer.WantsJson(context.Request)
            ? AdminJson.Json(new SubscriptionEnded("unsubscribed", new SubscriptionConfirmedPage(page!.PageId, page.Name, page.Slug)))
            : Unsubscribed(SubscriptionPages.TextsOf(page), page!, HomeOf(context, slug, paths));
    }

    private static IResult Unsubscribed(PageTexts texts, PageSnapshot page, string backTo) =>
        SubscriptionPages.Message(StatusCodes.Status200OK, texts.Unsubscribed, texts.Format(texts.NoLongerHear, page.Name), backTo: backTo, page: page);

    private static async Task<IResult> ManagePageAsync(HttpContext context, string slug, string? token, PagePaths paths)
    {
        var (page, subscriber) = await FindByUnsubscribeTokenAsync(context, slug, token);
        if (subscriber is null)
        {
            return UnknownManageLink(context, page);
        }

        var backTo = HomeOf(context, slug, paths);
        if (subscriber.IsActive)
        {
            return ManagePage.Show(
                context, page!, subscriber, token!, paths.PagePath(context.Request, slug), backTo, incidentTitle: await IncidentTitleAsync(context, subscriber));
        }

        var (title, message) = StoppedSubscription.Of(subscriber, page!.Name, SubscriptionPages.TextsOf(page));
        return SubscriptionPages.Message(StatusCodes.Status200OK, title, message, backTo: backTo, page: page);
    }

    private static async Task<IResult> ManageAsync(HttpContext context, string slug, string? token, PagePaths paths)
    {
        var (page, subscriber) = await FindByUnsubscribeTokenAsync(context, slug, token);
        if (subscriber is null)
        {
            return UnknownManageLink(context, page);
        }

        // Choosing events does not subscribe again: that takes a new subscription, confirmed by its destination.
        if (!subscriber.IsActive)
        {
            var (title, message) = StoppedSubscription.Of(subscriber, page!.Name, SubscriptionPages.TextsFor(context, page));
            return ConfirmationAnswer.Refused(context, StatusCodes.Status409Conflict, title, message, page);
        }

        if (!await BoundedRequestBody.TryBufferAsync(context, MaxRequestBytes))
        {
            Log.SubscriptionTooLarge(Log.For(context), slug, MaxRequestBytes);
            var texts = SubscriptionPages.TextsFor(context, page);
            return ConfirmationAnswer.Refused(
                context, StatusCodes.Status413PayloadTooLarge, texts.RequestTooLarge, texts.Format(texts.ChangeTooLarge, MaxRequestBytes / 1024), page);
        }

        var backTo = HomeOf(context, slug, paths);
        Subscriber? changed;
        try
        {
            var request = await ReadManageAsync(context);
            // The subscriber's own change, by its token: the audit log names it, not the caller.
            changed = await context.RequestServices.GetRequiredService<SubscriberService>().UpdateOwnChoiceAsync(page!.PageId, token!, new UpdateSubscriber
            {
                ComponentIds = request.Components,
                NotifyOn = request.NotifyOn is null ? null : NotifyOnNames.Read(request.NotifyOn),
            }, context.RequestAborted);
            if (changed is null)
            {
                return UnknownManageLink(context, page);
            }
        }
        catch (StatusKitNotFoundException ex) when (ex.Field == "subscriberId")
        {
            // Deleted since the token found it: the link no longer names anyone.
            return UnknownManageLink(context, page);
        }
        catch (StatusKitException ex) when (!ConfirmationAnswer.WantsJson(context.Request))
        {
            // A person's form: the page again, as the subscriber's choice stands, saying what to change. A script gets
            // the problem details the exception filter makes of it.
            var statusCode = Problems.From(ex).StatusCode;
            Log.SubscriptionRefused(Log.For(context), context.Request.Method, context.Request.Path, statusCode, PublicFieldNames.Of(ex));
            return ManagePage.Show(
                context, page!, subscriber, token!, paths.PagePath(context.Request, slug), backTo, statusCode,
                RefusalReasons.Of(SubscriptionPages.TextsOf(page), ex, null), await IncidentTitleAsync(context, subscriber));
        }

        return ConfirmationAnswer.WantsJson(context.Request)
            ? AdminJson.Json(SubscriptionChanged.Of(changed, new SubscriptionConfirmedPage(page!.PageId, page.Name, page.Slug)))
            : ManagePage.Show(context, page!, changed, token!, paths.PagePath(context.Request, slug), backTo, notice: SubscriptionPages.TextsOf(page).ChoiceSaved);
    }

    // The page and the subscriber of its own whose unsubscribe token this is (a null subscriber for an unknown page or
    // token, or another page's).
    private static async Task<(PageSnapshot? Page, Subscriber? Subscriber)> FindByUnsubscribeTokenAsync(HttpContext context, string slug, string? token)
    {
        var services = context.RequestServices;
        var page = await services.GetRequiredService<IStatusPageReader>().GetSnapshotBySlugAsync(slug, context.RequestAborted);
        var subscriber = page is null || string.IsNullOrEmpty(token)
            ? null
            : await services.GetRequiredService<SubscriberService>().FindByUnsubscribeTokenAsync(page.PageId, token, context.RequestAborted);
        return (page, subscriber);
    }

    // The title of the incident a subscriber follows; null for a subscriber of the page (or an incident gone since).
    private static async Task<string?> IncidentTitleAsync(HttpContext context, Subscriber subscriber) =>
        subscriber.StatusIncidentId is { } incidentId
            ? (await context.RequestServices.GetRequiredService<StatusIncidentService>().GetAsync(incidentId, context.RequestAborted))?.Title
            : null;

    private static IResult UnknownManageLink(HttpContext context, PageSnapshot? page) =>
        ConfirmationAnswer.UnknownLink(context, page, static t => t.UnknownManageLink);

    // The page's form, or JSON; either may leave out what it keeps. A form with no component ticked follows all of them.
    private static async Task<ManageRequest> ReadManageAsync(HttpContext context)
    {
        BodyContentTypes.Require(context.Request, FormOrJson);
        if (!context.Request.HasFormContentType)
        {
            return await AdminJson.ReadAsync<ManageRequest>(context);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return new ManageRequest { Components = FormComponents(form["components"]), NotifyOn = FormEvents(form["notifyOn"]) };
    }

    // The status page, for the pages that tell a subscriber the outcome of a link of the page's own.
    private static string HomeOf(HttpContext context, string slug, PagePaths paths) =>
        PageLinks.For(context.Request, context.Request.PathBase + paths.PagePath(context.Request, slug)).Home;

    private static async Task<SubscribeRequest> ReadAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            // A form without components (the incident page's) leaves them out, as JSON without the member does.
            return new SubscribeRequest
            {
                Channel = form["channel"].ToString(),
                Destination = form["destination"].ToString(),
                Components = form["components"].Count == 0 ? null : FormComponents(form["components"]),
                NotifyOn = FormEvents(form["notifyOn"]),
                Incident = FormIncident(form["incident"]),
            };
        }

        return await AdminJson.ReadAsync<SubscribeRequest>(context);
    }

    // A form's incident: one id, or none (an empty field too).
    private static Guid? FormIncident(Microsoft.Extensions.Primitives.StringValues values) => values.Count switch
    {
        0 => null,
        1 when string.IsNullOrEmpty(values[0]) => null,
        1 when Guid.TryParse(values[0], out var id) => id,
        _ => throw new StatusKitValidationException("incident", "The incident must be one incident id.", ValidationCodes.IdInvalid),
    };

    private static List<Guid> FormComponents(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.Select(c => Guid.TryParse(c, out var id) ? id : throw new StatusKitValidationException("components", $"'{QuotedValue.Of(c)}' is not a component id.", ValidationCodes.IdInvalid))];

    // A form's events; the page's form also sends one empty notifyOn, so a visitor who unticked every event is told to
    // choose one instead of being subscribed to all of them (what no notifyOn at all means).
    private static List<string>? FormEvents(Microsoft.Extensions.Primitives.StringValues values)
    {
        List<string> chosen = [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!)];
        if (chosen.Count == 0 && values.Count > 0)
        {
            throw new StatusKitValidationException("notifyOn", "Choose at least one of degraded, outage, maintenance, resolved.", ValidationCodes.NotifyOnEmpty);
        }

        return chosen.Count == 0 ? null : chosen;
    }

    // The same answer whether the page is unknown, private or public, and whether the token is unknown or another
    // page's: a link names its page only to the holder of one of that page's tokens.
}

/// <summary>The answer to a subscription request: the same whatever the destination, so it tells nobody who is subscribed.</summary>
internal sealed record SubscriptionAccepted(string Status, string Message);
