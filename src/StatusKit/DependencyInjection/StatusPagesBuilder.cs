#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>The builder returned by <c>AddStatusPages()</c>.</summary>
internal sealed class StatusPagesBuilder(IServiceCollection services) : IStatusPagesBuilder
{
    public IServiceCollection Services { get; } = services;
}
