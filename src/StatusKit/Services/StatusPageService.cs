using System.Text;
using StatusKit.Abstractions;
using StatusKit.Audit;
using StatusKit.Engine;
using StatusKit.Model;

namespace StatusKit.Services;

/// <summary>Creates and manages status pages, their visibility and their access tokens.</summary>
public sealed class StatusPageService
{
    private readonly IStatusStore _store;
    private readonly StatusEngine _engine;
    private readonly TimeProvider _time;
    private readonly AuditTrail _audit;

    internal StatusPageService(IStatusStore store, StatusEngine engine, TimeProvider time, AuditTrail audit)
    {
        _store = store;
        _engine = engine;
        _time = time;
        _audit = audit;
    }

    /// <summary>
    /// Creates a page. Throws <see cref="StatusKitValidationException"/> for bad input and
    /// <see cref="StatusKitConflictException"/> when the slug is taken. A private page created here has no access token
    /// until <see cref="RegenerateAccessTokenAsync(Guid, CancellationToken)"/>; <see cref="CreateWithAccessTokenAsync"/> creates it with one.
    /// </summary>
    public Task<StatusPage> CreateAsync(CreateStatusPage request, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(request, token: null, cancellationToken);

    /// <summary>
    /// Creates a page like <see cref="CreateAsync"/>, and a private one with its access token in the same store write,
    /// so it can be shared at once; the token is returned only here.
    /// </summary>
    public async Task<CreatedStatusPage> CreateWithAccessTokenAsync(CreateStatusPage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.IsPublic ? null : SecretTokens.Create();
        return new CreatedStatusPage(await CreateCoreAsync(request, token, cancellationToken), token);
    }

    private async Task<StatusPage> CreateCoreAsync(CreateStatusPage request, string? token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = Guard.Name(request.Name, "name");
        var slug = request.Slug is null ? GenerateSlug(name) : Guard.Slug(request.Slug);
        var now = _time.GetUtcNow();
        var page = new StatusPage
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Description = Guard.OptionalText(request.Description, "description"),
            Slug = slug,
            IsPublic = request.IsPublic,
            AccessTokenHash = token is null ? null : SecretTokens.Hash(token),
            TeamId = Guard.OptionalText(request.TeamId, "teamId", Guard.MaxNameLength),
            TimeZoneId = Guard.TimeZone(request.TimeZoneId),
            HomepageUrl = BrandingGuard.HomepageUrl(request.HomepageUrl),
            LogoUrl = BrandingGuard.LogoUrl(request.LogoUrl),
            AccentColor = BrandingGuard.AccentColor(request.AccentColor),
            CustomDomain = CustomDomainGuard.Normalize(request.CustomDomain),
            Language = LanguageGuard.Normalize(request.Language),
            CreatedBy = Guard.OptionalText(request.CreatedBy, "createdBy", Guard.MaxNameLength) ?? _audit.CurrentActor(),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await _store.AddPageAsync(page, cancellationToken);
        await _audit.RecordAsync(page.Id, AuditActions.PageCreated, "page", page.Id);
        if (page.CustomDomain is not null)
        {
            // Built now, so this host serves the page on its domain at once (IPageSnapshotObserver), also when the name
            // was asked for before and remembered as no page's.
            await _engine.RefreshPageAsync(page.Id, cancellationToken);
        }

        return page;
    }

    /// <summary>The page with <paramref name="pageId"/>, or null.</summary>
    public Task<StatusPage?> GetAsync(Guid pageId, CancellationToken cancellationToken = default) => _store.GetPageAsync(pageId, cancellationToken);

    /// <summary>The page with <paramref name="slug"/>, or null.</summary>
    public Task<StatusPage?> GetBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return _store.GetPageBySlugAsync(slug, cancellationToken);
    }

    /// <summary>Every page, or the pages of <paramref name="teamId"/>, ordered by name.</summary>
    public Task<IReadOnlyList<StatusPage>> ListAsync(string? teamId = null, CancellationToken cancellationToken = default) =>
        _store.ListPagesAsync(teamId, cancellationToken);

    /// <summary>
    /// Changes a page's name, description, slug, team, time zone, branding (homepage, logo, accent colour), custom domain or language. Changes that leave every field as it was write
    /// nothing, so the page's <see cref="StatusPage.UpdatedAt"/> (and its documents' <c>updated_at</c>) stays. Only the
    /// fields the request names change: when someone else changed the page meanwhile, the change is applied again to
    /// what they left (a few times at most), unless <see cref="UpdateStatusPage.ExpectedVersion"/> is given, which must
    /// then be the stored version (else <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    public async Task<StatusPage> UpdateAsync(Guid pageId, UpdateStatusPage changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var written = false;
        IReadOnlyList<string> fields = [];
        var updated = await EditAsync(
            pageId,
            changes.ExpectedVersion,
            page =>
            {
                var revised = page with
                {
                    Name = changes.Name is null ? page.Name : Guard.Name(changes.Name, "name"),
                    Description = changes.Description is null ? page.Description : Guard.OptionalText(changes.Description, "description"),
                    Slug = changes.Slug is null ? page.Slug : Guard.Slug(changes.Slug),
                    TeamId = changes.TeamId is null ? page.TeamId : Guard.OptionalText(changes.TeamId, "teamId", Guard.MaxNameLength),
                    TimeZoneId = changes.TimeZoneId is null ? page.TimeZoneId : Guard.TimeZone(changes.TimeZoneId),
                    HomepageUrl = changes.HomepageUrl is null ? page.HomepageUrl : BrandingGuard.HomepageUrl(changes.HomepageUrl),
                    LogoUrl = changes.LogoUrl is null ? page.LogoUrl : BrandingGuard.LogoUrl(changes.LogoUrl),
                    AccentColor = changes.AccentColor is null ? page.AccentColor : BrandingGuard.AccentColor(changes.AccentColor),
                    CustomDomain = changes.CustomDomain is null ? page.CustomDomain : CustomDomainGuard.Normalize(changes.CustomDomain),
                    Language = changes.Language is null ? page.Language : LanguageGuard.Normalize(changes.Language),
                };
                written = revised != page;
                fields = new AuditFields()
                    .Add("name", page.Name, revised.Name)
                    .Add("description", page.Description, revised.Description)
                    .Add("slug", page.Slug, revised.Slug)
                    .Add("teamId", page.TeamId, revised.TeamId)
                    .Add("timeZoneId", page.TimeZoneId, revised.TimeZoneId)
                    .Add("homepageUrl", page.HomepageUrl, revised.HomepageUrl)
                    .Add("logoUrl", page.LogoUrl, revised.LogoUrl)
                    .Add("accentColor", page.AccentColor, revised.AccentColor)
                    .Add("customDomain", page.CustomDomain, revised.CustomDomain)
                    .Add("language", page.Language, revised.Language)
                    .Names;
                return written ? revised with { UpdatedAt = _time.GetUtcNow() } : page;
            },
            cancellationToken);
        if (written)
        {
            await _audit.RecordAsync(pageId, AuditActions.PageUpdated, "page", pageId, fields);
            await _engine.RefreshPageAsync(pageId, cancellationToken);
        }

        return updated;
    }

    /// <summary>Deletes a page with its components, windows, incidents and subscribers. False when it did not exist.</summary>
    public Task<bool> DeleteAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        DeleteAsync(pageId, null, cancellationToken);

    /// <summary>
    /// Deletes a page like <see cref="DeleteAsync(Guid, CancellationToken)"/>, when given only if it is still at
    /// <paramref name="expectedVersion"/> (else <see cref="StatusKitConcurrencyException"/>, deleting nothing). The
    /// version is checked by the store's delete itself, so a change that lands after the page was read is never deleted
    /// unseen.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid pageId, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var deleted = await _store.DeletePageAsync(pageId, expectedVersion, cancellationToken);
        if (deleted)
        {
            await _audit.RecordAsync(pageId, AuditActions.PageDeleted, "page", pageId);
            await _engine.ForgetPageAsync(pageId, cancellationToken);
        }

        return deleted;
    }

    /// <summary>
    /// Makes a page public, or private. A page made private without an access token gets one, returned here once
    /// (only its hash is stored) in <see cref="PageAccessChange.AccessToken"/>; otherwise that is null. The result also
    /// holds the page as stored, at its new version.
    /// </summary>
    public Task<PageAccessChange> SetVisibilityAsync(Guid pageId, bool isPublic, CancellationToken cancellationToken = default) =>
        SetVisibilityAsync(pageId, isPublic, null, cancellationToken);

    /// <summary>
    /// Makes a page public or private like <see cref="SetVisibilityAsync(Guid, bool, CancellationToken)"/>, when
    /// <paramref name="expectedVersion"/> is given only if the page is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing).
    /// </summary>
    public async Task<PageAccessChange> SetVisibilityAsync(Guid pageId, bool isPublic, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        string? token = null;
        var visibilityChanged = false;
        var stored = await EditAsync(
            pageId,
            expectedVersion,
            page =>
            {
                token = null;
                visibilityChanged = page.IsPublic != isPublic;
                if (!isPublic && page.AccessTokenHash is null)
                {
                    token = SecretTokens.Create();
                }

                // Already so: nothing is written, so the version (and the ETag other editors hold) stays.
                return !visibilityChanged && token is null
                    ? page
                    : page with { IsPublic = isPublic, AccessTokenHash = token is null ? page.AccessTokenHash : SecretTokens.Hash(token), UpdatedAt = _time.GetUtcNow() };
            },
            cancellationToken);
        var fields = new AuditFields().Add("isPublic", false, visibilityChanged).Add("accessToken", false, token is not null);
        if (fields.Any)
        {
            await _audit.RecordAsync(pageId, AuditActions.PageAccessChanged, "page", pageId, fields.Names);
            await _engine.RefreshPageAsync(pageId, cancellationToken);
        }

        return new PageAccessChange(stored, token);
    }

    /// <summary>
    /// Generates a new access token for the page, replacing any previous one (which stops working at once). The token
    /// is returned only here (<see cref="PageAccessChange.AccessToken"/>): 64 hex characters; only its SHA-256 hash is
    /// stored. The result also holds the page as stored, at its new version.
    /// </summary>
    public Task<PageAccessChange> RegenerateAccessTokenAsync(Guid pageId, CancellationToken cancellationToken = default) =>
        RegenerateAccessTokenAsync(pageId, null, cancellationToken);

    /// <summary>
    /// Replaces the page's access token like <see cref="RegenerateAccessTokenAsync(Guid, CancellationToken)"/>, when
    /// <paramref name="expectedVersion"/> is given only if the page is still at that version (else
    /// <see cref="StatusKitConcurrencyException"/>, changing nothing and issuing no token).
    /// </summary>
    public async Task<PageAccessChange> RegenerateAccessTokenAsync(Guid pageId, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.Create();
        var stored = await EditAsync(pageId, expectedVersion, page => page with { AccessTokenHash = SecretTokens.Hash(token), UpdatedAt = _time.GetUtcNow() }, cancellationToken);
        await _audit.RecordAsync(pageId, AuditActions.PageAccessChanged, "page", pageId, ["accessToken"]);
        return new PageAccessChange(stored, token);
    }

    /// <summary>Applies <paramref name="change"/> to the stored page by compare-and-set (<see cref="OptimisticEdit"/>).</summary>
    private Task<StatusPage> EditAsync(Guid pageId, long? expectedVersion, Func<StatusPage, StatusPage> change, CancellationToken cancellationToken) =>
        OptimisticEdit.ApplyAsync(
            "page",
            pageId,
            expectedVersion,
            () => _store.RequirePageAsync(pageId, cancellationToken),
            static p => p.Version,
            page => Task.FromResult(change(page)),
            page => _store.UpdatePageAsync(page, cancellationToken));

    /// <summary>Whether <paramref name="token"/> opens <paramref name="page"/>: always for a public page; for a private one, a constant-time hash comparison.</summary>
    public static bool CanRead(StatusPage page, string? token)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.IsPublic || SecretTokens.Matches(token, page.AccessTokenHash);
    }

    /// <summary>Whether <paramref name="token"/> is the private page's current access token (constant time).</summary>
    public async Task<bool> VerifyAccessTokenAsync(Guid pageId, string? token, CancellationToken cancellationToken = default)
    {
        var page = await _store.GetPageAsync(pageId, cancellationToken);
        return page is not null && SecretTokens.Matches(token, page.AccessTokenHash);
    }

    /// <summary>Lowercase, hyphenated ASCII letters and digits of the name, then 8 random hex characters.</summary>
    internal static string GenerateSlug(string name)
    {
        var builder = new StringBuilder(name.Length + 9);
        foreach (var ch in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToLowerInvariant(ch));
            }
            else if ((char.IsWhiteSpace(ch) || ch is '-' or '_' or '.' or '/') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 60)
            {
                break;
            }
        }

        var stem = builder.ToString().Trim('-');
        var suffix = SecretTokens.Create()[..8];
        return stem.Length == 0 ? suffix : $"{stem}-{suffix}";
    }
}
