using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using StatusKit.Status;

namespace StatusKit.AspNetCore;

/// <summary>
/// An OpenAPI schema transformer (Microsoft.AspNetCore.OpenApi, registered for every document a host generates with
/// <c>AddOpenApi()</c>) that declares StatusKit's enums as the admin API writes and reads them: camelCase strings
/// (<c>"majorOutage"</c>, <c>"teams"</c>), listed as the schema's <c>enum</c>. Without it the document derives them from
/// the host's JSON options and declares integers, which the admin API refuses, so a client generated from it could not
/// send a status. Only enums of the StatusKit assembly change, and only those whose values are single names (not
/// <see cref="FlagsAttribute"/> combinations); a host's own enums keep whatever its options make of them.
/// </summary>
internal static class OpenApiEnumSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (!type.IsEnum || type.Assembly != typeof(ComponentStatus).Assembly || type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return Task.CompletedTask;
        }

        var nullable = schema.Type is { } declared && declared.HasFlag(JsonSchemaType.Null);
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Enum = [.. Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(name)))];
        return Task.CompletedTask;
    }
}
