using Rpa.Engine.Descriptors;

namespace Rpa.Activities;

/// <summary>Adds the built-in activity library (data, documents, ...) to a registry.</summary>
public static class ActivityLibrary
{
    public static ActivityRegistry AddBuiltInActivities(this ActivityRegistry registry) =>
        registry.AddAssembly(typeof(ActivityLibrary).Assembly);
}
