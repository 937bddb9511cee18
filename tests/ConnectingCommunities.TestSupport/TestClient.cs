using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ConnectingCommunities.TestSupport;

/// <summary>An HTTP client that speaks to pages (forms with antiforgery) and to the API (bearer token).</summary>
public sealed class TestClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task SignInAsync(string email, string password = TestEnvironment.DemoPassword)
    {
        var response = await PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    public async Task UseBearerTokenAsync(string email, string password = TestEnvironment.DemoPassword)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<IDocument> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode}\n{Truncate(html)}");
        return await Parser.ParseDocumentAsync(html);
    }

    /// <summary>
    /// Posts a form as a browser would: the antiforgery token comes from the form on the page itself,
    /// or from the sign-out form every signed-in page carries.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        var token = await AntiforgeryTokenAsync(tokenFrom ?? url) ?? await AntiforgeryTokenAsync("/");
        var form = fields.ToList();
        if (token is not null)
        {
            form.Add(new("__RequestVerificationToken", token));
        }

        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> GetJsonAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await GetAsync(url);
        return await ReadJsonAsync(response, expected, $"GET {url}");
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body is string raw
                ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
                : JsonContent.Create(body, options: Json);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}\n{Truncate(text)}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();

    private async Task<string?> AntiforgeryTokenAsync(string url)
    {
        var response = await GetAsync(url);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
    }

    private static string Truncate(string text) => text.Length > 3000 ? text[..3000] : text;
}
