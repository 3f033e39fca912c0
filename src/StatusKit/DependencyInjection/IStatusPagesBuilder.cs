// Lives in the Microsoft.Extensions.DependencyInjection namespace so it shows up without a using.
#pragma warning disable IDE0130
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>
/// Configures StatusKit after <c>services.AddStatusPages()</c>. Every verb (<c>UseInMemoryStore()</c>,
/// <c>UseDistributedCache()</c>, <c>UseEntityFrameworkCoreStore&lt;T&gt;()</c>, …) is an extension method, safe to call twice.
/// </summary>
public interface IStatusPagesBuilder
{
    /// <summary>The service collection StatusKit is registered in.</summary>
    IServiceCollection Services { get; }
}
