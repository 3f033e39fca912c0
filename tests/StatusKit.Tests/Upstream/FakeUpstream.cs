using System.Net;
using System.Text;

namespace StatusKit.Tests.Upstream;

/// <summary>
/// A Statuspage-compatible page for the upstream poller's tests: an <see cref="HttpMessageHandler"/> that answers each URL
/// with the summary a test set (or fails as it says), counts the requests per URL and keeps their If-None-Match, and the
/// <see cref="IHttpClientFactory"/> that hands out clients over it.
/// </summary>
internal sealed class FakeUpstream : HttpMessageHandler, IHttpClientFactory
{
    private readonly Dictionary<string, Func<HttpRequestMessage, HttpResponseMessage>> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The If-None-Match of every request, in order.</summary>
    public List<string?> IfNoneMatch { get; } = [];

    /// <summary>Answers <paramref name="url"/> with a summary whose page indicator is <paramref name="indicator"/>, and these components.</summary>
    public void Summary(string url, string indicator, string? etag = null, params (string Id, string Status)[] components) =>
        Answer(url, request =>
        {
            if (etag is not null && request.Headers.IfNoneMatch.Any(t => t.Tag == etag))
            {
                return new HttpResponseMessage(HttpStatusCode.NotModified);
            }

            var response = Json(SummaryJson(indicator, components));
            if (etag is not null)
            {
                response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(etag);
            }

            return response;
        });

    public void Answer(string url, Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        lock (_gate)
        {
            _answers[url] = answer;
        }
    }

    public void Fail(string url) => Answer(url, _ => throw new HttpRequestException("Connection refused (status.example.com:443)"));

    public int Requests(string url)
    {
        lock (_gate)
        {
            return _requests.GetValueOrDefault(url);
        }
    }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    public static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string SummaryJson(string indicator, params (string Id, string Status)[] components) =>
        "{\"page\":{\"id\":\"kctbh9vrtdwd\",\"name\":\"GitHub\"},\"status\":{\"indicator\":\"" + indicator + "\",\"description\":\"x\"},\"components\":["
        + string.Join(",", components.Select(c => "{\"id\":\"" + c.Id + "\",\"name\":\"" + c.Id + "\",\"status\":\"" + c.Status + "\"}"))
        + "],\"incidents\":[],\"scheduled_maintenances\":[]}";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Func<HttpRequestMessage, HttpResponseMessage>? answer;
        var url = request.RequestUri!.ToString();
        lock (_gate)
        {
            _requests[url] = _requests.GetValueOrDefault(url) + 1;
            IfNoneMatch.Add(request.Headers.IfNoneMatch.FirstOrDefault()?.Tag);
            answer = _answers.GetValueOrDefault(url);
        }

        return Task.FromResult(answer is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : answer(request));
    }
}
