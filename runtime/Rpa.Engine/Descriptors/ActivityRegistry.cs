using System.Reflection;
using Rpa.Engine.Activities;
using Rpa.Engine.Model;
using Rpa.Engine.Text;
using Rpa.Engine.Values;

namespace Rpa.Engine.Descriptors;

/// <summary>The activity types a runtime knows, with descriptors generated from their classes.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);

    /// <summary>A registry with the engine's built-in activities (control flow, variables, logging).</summary>
    public static ActivityRegistry CreateDefault() => new ActivityRegistry().AddAssembly(typeof(ActivityRegistry).Assembly);

    public IReadOnlyCollection<ActivityDescriptor> Descriptors => _byType.Values;

    public ActivityRegistry Add<T>() where T : Activity, new() => Add(typeof(T));

    public ActivityRegistry Add(Type type)
    {
        var descriptor = Describe(type);
        if (_byType.TryGetValue(descriptor.Type, out var existing) && existing.ClrType != type)
        {
            throw new InvalidOperationException($"Two activity classes use the type name '{descriptor.Type}': {existing.ClrType.FullName} and {type.FullName}.");
        }

        _byType[descriptor.Type] = descriptor;
        return this;
    }

    /// <summary>Adds every non-abstract <see cref="Activity"/> class with an <see cref="ActivityAttribute"/> in the assembly.</summary>
    public ActivityRegistry AddAssembly(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(Activity)) && t.GetCustomAttribute<ActivityAttribute>() is not null))
        {
            Add(type);
        }

        return this;
    }

    public bool TryGet(string type, out ActivityDescriptor descriptor) => _byType.TryGetValue(type, out descriptor!);

    public ActivityDescriptor Get(string type) =>
        _byType.TryGetValue(type, out var d) ? d : throw new KeyNotFoundException($"Unknown activity type '{type}'.");

    /// <summary>The known type closest to <paramref name="type"/>, for "did you mean" hints.</summary>
    public string? Suggest(string type)
    {
        var best = _byType.Keys
            .Select(k => (Name: k, Distance: EditDistance.Between(k.ToLowerInvariant(), type.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, type.Length / 3) ? best.Name : null;
    }

    internal static Activity Instantiate(Type type) =>
        (Activity)(Activator.CreateInstance(type) ?? throw new InvalidOperationException($"Cannot create {type.FullName}."));

    private static ActivityDescriptor Describe(Type type)
    {
        if (!type.IsSubclassOf(typeof(Activity))) throw new ArgumentException($"{type.FullName} is not an activity.", nameof(type));
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.FullName} has no [Activity] attribute.", nameof(type));
        if (type.GetConstructor(Type.EmptyTypes) is null) throw new ArgumentException($"{type.FullName} needs a public parameterless constructor.", nameof(type));

        if (attribute.Needs.FirstOrDefault(n => !ActivityNeeds.All.ContainsKey(n)) is { } unknown)
        {
            throw new ArgumentException($"{type.FullName} declares the unknown need '{unknown}'; known needs: {string.Join(", ", ActivityNeeds.All.Keys)}.", nameof(type));
        }

        var sample = Instantiate(type);
        var inputs = new List<InputDescriptor>();
        var outputs = new List<OutputDescriptor>();
        var slots = new List<SlotDescriptor>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyType = property.PropertyType;
            if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Input<>))
            {
                var input = (IInput?)property.GetValue(sample)
                    ?? throw new ArgumentException($"{type.Name}.{property.Name} must be initialised (= new(...)).");
                var meta = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
                var valueType = input.ValueType;
                inputs.Add(new InputDescriptor
                {
                    Name = CamelCase(property.Name),
                    Type = DataTypes.FromClr(valueType),
                    Description = meta.Description,
                    Required = meta.Required && !input.HasDefault,
                    Default = input.HasDefault ? ValueConverter.ToJson(input.DefaultValue) : null,
                    Secret = meta.Secret,
                    LiteralOnly = meta.LiteralOnly,
                    Options = (Nullable.GetUnderlyingType(valueType) ?? valueType).IsEnum ? Enum.GetNames(Nullable.GetUnderlyingType(valueType) ?? valueType) : null,
                    Editor = meta.Editor,
                    Property = property,
                });
            }
            else if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(Output<>))
            {
                if (property.GetValue(sample) is null) throw new ArgumentException($"{type.Name}.{property.Name} must be initialised (= new()).");
                outputs.Add(new OutputDescriptor
                {
                    Name = CamelCase(property.Name),
                    Type = DataTypes.FromClr(propertyType.GetGenericArguments()[0]),
                    Description = property.GetCustomAttribute<OutputAttribute>()?.Description ?? "",
                    Property = property,
                });
            }
            else if (SlotKindOf(propertyType) is { } kind)
            {
                if (!property.CanWrite) throw new ArgumentException($"{type.Name}.{property.Name} needs a setter.");
                slots.Add(new SlotDescriptor
                {
                    Name = CamelCase(property.Name),
                    Kind = kind,
                    Description = property.GetCustomAttribute<SlotAttribute>()?.Description ?? "",
                    Property = property,
                });
            }
        }

        return new ActivityDescriptor
        {
            Type = attribute.Type ?? type.Name,
            Category = attribute.Category,
            DisplayName = attribute.DisplayName,
            Description = attribute.Description,
            Inputs = inputs,
            Outputs = outputs,
            Slots = slots,
            Outcomes = attribute.Outcomes,
            Needs = attribute.Needs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            DynamicOutcomes = type.GetMethod(nameof(Activity.GetDynamicOutcomes))!.DeclaringType != typeof(Activity),
            IsFlowchart = typeof(IFlowchart).IsAssignableFrom(type),
            ClrType = type,
        };
    }

    internal static SlotKind? SlotKindOf(Type type)
    {
        if (type == typeof(Activity)) return SlotKind.Single;
        if (type == typeof(IReadOnlyList<Activity>)) return SlotKind.List;
        if (type == typeof(IReadOnlyDictionary<string, Activity>)) return SlotKind.Map;
        return null;
    }

    public static string CamelCase(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

}
