using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StatusKit.Model;

namespace StatusKit.AspNetCore.Admin;

/// <summary>
/// An OpenAPI operation transformer of the admin routes that declares their query parameters as <see cref="AdminQuery"/>
/// reads them: <c>skip</c> a whole number from 0, <c>take</c> and <c>limit</c> from 1 to 200 (50 when left out),
/// <c>preVerified</c> and <c>notifySubscribers</c> booleans (true when left out), and <c>state</c> the names of the
/// states the route lists. The routes bind them as text (so a refusal names the field and its code), which the document
/// would otherwise declare as bare strings.
/// </summary>
internal static class AdminQueryParameters
{
    public static Task DeclareAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query) ?? [])
        {
            parameter.Schema = parameter.Name switch
            {
                "skip" => Integer(minimum: 0, maximum: null, fallback: 0),
                "take" or "limit" => Integer(minimum: 1, maximum: 200, fallback: 50),
                "preVerified" or "notifySubscribers" => new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(true) },
                "state" when StatesOf(context.Description.RelativePath) is { } states => new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. Enum.GetNames(states).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name)))],
                },
                _ => parameter.Schema,
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer(int minimum, int? maximum, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };

    // The states a list route filters by, from its path.
    private static Type? StatesOf(string? path) =>
        path is null ? null
        : path.EndsWith("/notifications", StringComparison.Ordinal) ? typeof(Notifications.NotificationState)
        : path.EndsWith("/incidents", StringComparison.Ordinal) ? typeof(StatusIncidentState)
        : path.EndsWith("/maintenance", StringComparison.Ordinal) ? typeof(MaintenanceState)
        : null;
}
