namespace Rpa.Engine.Tests.Support;

/// <summary>A minimal <see cref="IServiceProvider"/> over a few instances, found by their exact type.</summary>
public sealed class ServiceBag(params object[] services) : IServiceProvider
{
    public object? GetService(Type serviceType) => services.FirstOrDefault(s => s.GetType() == serviceType);
}
