using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OpenApi;

namespace StatusKit.AspNetCore;

/// <summary>
/// The operation transformer of the admin endpoints and of the public read routes (added to their route groups, so it
/// runs in every OpenAPI document a host generates with <c>AddOpenApi()</c>): turns <see cref="RequestHeaderMetadata"/>
/// into optional header parameters and <see cref="ResponseHeaderMetadata"/> into response headers, which ASP.NET Core's
/// API description cannot express. An operation without such metadata is left as it is.
/// </summary>
internal static class OpenApiHeaders
{
    public static Task DeclareAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var header in metadata.OfType<RequestHeaderMetadata>())
        {
            operation.Parameters ??= [];
            if (!operation.Parameters.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, header.Name, StringComparison.OrdinalIgnoreCase)))
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = header.Name,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = header.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
        }

        foreach (var header in metadata.OfType<ResponseHeaderMetadata>())
        {
            operation.Responses ??= [];
            var status = header.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(status, out var declared))
            {
                declared = new OpenApiResponse { Description = ReasonPhrases.GetReasonPhrase(header.StatusCode) };
                operation.Responses[status] = declared;
            }

            if (declared is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
                response.Headers[header.Name] = new OpenApiHeader
                {
                    Description = header.Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }

        return Task.CompletedTask;
    }
}
