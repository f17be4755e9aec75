using System.Text.RegularExpressions;
using Rpa.Engine.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Validation;

/// <summary>
/// Validates a bot definition and turns it into a <see cref="CompiledBot"/>: every problem is reported at once,
/// each with the activity id, the property and the reason. Expressions are parsed here, once per definition.
/// </summary>
public sealed partial class BotCompiler(ActivityRegistry registry)
{
    public ActivityRegistry Registry { get; } = registry;

    public CompileResult Compile(BotDefinition bot, string? location = null) => new Session(Registry, bot).Run(location);

    /// <exception cref="BotValidationException">The bot has problems.</exception>
    public CompiledBot CompileOrThrow(BotDefinition bot, string? location = null)
    {
        var result = Compile(bot, location);
        return result.IsValid ? result.Bot! : throw new BotValidationException(bot.Name, result.Problems);
    }

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    internal static partial Regex IdentifierPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$")]
    internal static partial Regex ActivityIdPattern();

    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "export", "extends",
        "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super", "switch",
        "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "enum", "await",
        "implements", "package", "protected", "interface", "private", "public", "undefined", "NaN", "Infinity", "eval", "arguments",
    };

    private sealed class Session(ActivityRegistry registry, BotDefinition bot)
    {
        private readonly List<ValidationProblem> _problems = [];
        private readonly Dictionary<string, Activity> _activities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (DataType Type, bool ReadOnly)> _botNames = new(StringComparer.Ordinal);

        public CompileResult Run(string? location)
        {
            if (string.IsNullOrWhiteSpace(bot.Name)) Problem(null, "name", "the bot needs a name");
            if (bot.Version < 1) Problem(null, "version", $"the version must be 1 or more, not {bot.Version}");
            DeclareArguments(bot.Inputs, "inputs", readOnly: true);
            DeclareArguments(bot.Outputs, "outputs", readOnly: false);
            foreach (var variable in bot.Variables)
            {
                if (DeclareName(variable.Name, variable.Type, false, "variables"))
                {
                    CheckValue(variable.Value, variable.Type, $"variable '{variable.Name}'", "initial value");
                }
            }

            CheckDuplicateIds();
            var visible = _botNames.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var root = CompileActivity(bot.Root, "", visible);
            var compiled = root is null || _problems.Count > 0 ? null : new CompiledBot(bot, root, _activities, location);
            return new CompileResult(compiled, _problems);
        }

        private void DeclareArguments(IEnumerable<ArgumentDefinition> arguments, string section, bool readOnly)
        {
            foreach (var argument in arguments)
            {
                if (DeclareName(argument.Name, argument.Type, readOnly, section))
                {
                    CheckValue(argument.Default, argument.Type, $"{section.TrimEnd('s')} '{argument.Name}'", "default");
                }
            }
        }

        private bool DeclareName(string name, DataType type, bool readOnly, string section)
        {
            if (!IdentifierPattern().IsMatch(name ?? "") || ReservedWords.Contains(name!))
            {
                Problem(null, section, $"'{name}' is not a valid name: use letters, digits and _ (not starting with a digit), and no JavaScript keyword");
                return false;
            }

            if (ExpressionCompiler.IsJavaScriptGlobal(name!))
            {
                Problem(null, section, $"'{name}' is a JavaScript built-in; expressions would see the built-in, not your value: choose another name");
                return false;
            }

            if (!_botNames.TryAdd(name!, (type, readOnly)))
            {
                Problem(null, section, $"the name '{name}' is declared twice (inputs, outputs and variables share one namespace)");
                return false;
            }

            return true;
        }

        private void CheckValue(System.Text.Json.Nodes.JsonNode? value, DataType type, string owner, string what)
        {
            if (value is null) return;
            try
            {
                ValueConverter.ConvertTo(ValueConverter.FromJson(value), type);
            }
            catch (ValueConversionException e)
            {
                Problem(null, owner, $"the {what} does not fit the type {DataTypes.ToName(type)}: {e.Message}");
            }
        }

        private void CheckDuplicateIds()
        {
            foreach (var group in bot.AllActivities().GroupBy(a => a.Id ?? "", StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Problem(group.Key, "id", $"the id '{group.Key}' is used by {group.Count()} activities; ids must be unique in a bot");
            }
        }

        private Activity? CompileActivity(ActivityDefinition definition, string parentPath, IReadOnlyDictionary<string, (DataType Type, bool ReadOnly)> visible)
        {
            var id = definition.Id ?? "";
            if (!ActivityIdPattern().IsMatch(id))
            {
                Problem(id, "id", $"'{id}' is not a valid activity id: use letters, digits, '_', '-' and '.'");
            }

            var path = parentPath.Length == 0 ? id : $"{parentPath}/{id}";
            if (!registry.TryGet(definition.Type ?? "", out var descriptor))
            {
                var hint = registry.Suggest(definition.Type ?? "") is { } s ? $"; did you mean '{s}'?" : "; run `rpa activities` to list the known types";
                Problem(id, "type", $"unknown activity type '{definition.Type}'{hint}");
                foreach (var child in definition.Slots.Values.SelectMany(s => s.Items))
                {
                    CompileActivity(child.Activity, path, visible);
                }

                return null;
            }

            var activity = ActivityRegistry.Instantiate(descriptor.ClrType);
            activity.Id = id;
            activity.TypeName = descriptor.Type;
            activity.DisplayName = definition.DisplayName;
            activity.NodePath = path;
            activity.IsLeaf = descriptor.Slots.Count == 0 && activity is not Activities.ControlFlow.RunBot;
            _activities.TryAdd(id, activity);

            BindInputs(activity, definition, descriptor, visible);
            BindOutputs(activity, definition, descriptor, visible);
            var nodeIds = BindSlots(activity, definition, descriptor, path, visible);
            if (descriptor.IsFlowchart) BindConnections((IFlowchart)activity, definition, nodeIds);
            else if (definition.Connections.Count > 0 || definition.Start is not null)
            {
                Problem(id, "connections", $"only a Flowchart has connections; {descriptor.Type} runs its children itself");
            }

            foreach (var message in activity.Validate())
            {
                Problem(id, null, message);
            }

            return activity;
        }

        private void BindInputs(Activity activity, ActivityDefinition definition, ActivityDescriptor descriptor, IReadOnlyDictionary<string, (DataType Type, bool ReadOnly)> visible)
        {
            foreach (var name in definition.Inputs.Keys.Where(n => descriptor.FindInput(n) is null))
            {
                Problem(activity.Id, $"input '{name}'", $"{descriptor.Type} has no input '{name}' (inputs: {Names(descriptor.Inputs.Select(i => i.Name))})");
            }

            foreach (var input in descriptor.Inputs)
            {
                var target = (IInput)input.Property.GetValue(activity)!;
                if (!definition.Inputs.TryGetValue(input.Name, out var value))
                {
                    if (input.Required) Problem(activity.Id, $"input '{input.Name}'", $"the input is required ({DataTypes.ToName(input.Type)}): {input.Description}".TrimEnd(' ', ':'));
                    target.Bind(input.Name, null, input.Secret, input.Required);
                    continue;
                }

                if (input.LiteralOnly && !value.IsLiteral)
                {
                    Problem(activity.Id, $"input '{input.Name}'", $"the input must be a literal value, not a {value.Language} expression");
                    continue;
                }

                try
                {
                    var expression = ExpressionCompiler.Compile(value, target.ValueType);
                    foreach (var unknown in expression.ReferencedNames.Where(n => !visible.ContainsKey(n)))
                    {
                        Problem(activity.Id, $"input '{input.Name}'", $"the expression uses '{unknown}', which is not a variable, input or output of the bot (in scope: {Names(visible.Keys)})");
                    }

                    if (input.Required && expression is LiteralExpression { Value: null or "" })
                    {
                        Problem(activity.Id, $"input '{input.Name}'", "the input is required and cannot be empty");
                    }
                    else if (input.Editor == "variable" && expression is LiteralExpression { Value: string variable })
                    {
                        if (!visible.TryGetValue(variable, out var declared))
                        {
                            Problem(activity.Id, $"input '{input.Name}'", $"'{variable}' is not a variable or output of the bot (in scope: {Names(visible.Keys)})");
                        }
                        else if (declared.ReadOnly)
                        {
                            Problem(activity.Id, $"input '{input.Name}'", $"'{variable}' is a bot input and cannot be changed; copy it into a variable first");
                        }
                    }

                    target.Bind(input.Name, expression, input.Secret, input.Required);
                }
                catch (ExpressionException e)
                {
                    var what = value.IsLiteral ? $"the value does not fit the type {DataTypes.ToName(input.Type)}: {e.Message}" : e.Message;
                    Problem(activity.Id, $"input '{input.Name}'", what);
                }
            }
        }

        private void BindOutputs(Activity activity, ActivityDefinition definition, ActivityDescriptor descriptor, IReadOnlyDictionary<string, (DataType Type, bool ReadOnly)> visible)
        {
            foreach (var (name, variable) in definition.Outputs)
            {
                var output = descriptor.FindOutput(name);
                if (output is null)
                {
                    Problem(activity.Id, $"output '{name}'", $"{descriptor.Type} has no output '{name}' (outputs: {Names(descriptor.Outputs.Select(o => o.Name))})");
                    continue;
                }

                if (!visible.TryGetValue(variable ?? "", out var declared))
                {
                    Problem(activity.Id, $"output '{name}'", $"the output goes to '{variable}', which is not a variable or output of the bot (in scope: {Names(visible.Keys)})");
                    continue;
                }

                if (declared.ReadOnly)
                {
                    Problem(activity.Id, $"output '{name}'", $"'{variable}' is a bot input and cannot receive an output");
                    continue;
                }

                if (!DataTypes.IsAssignable(output.Type, declared.Type))
                {
                    Problem(activity.Id, $"output '{name}'", $"the output is {DataTypes.ToName(output.Type)} but the variable '{variable}' is {DataTypes.ToName(declared.Type)}");
                    continue;
                }

                ((IOutput)output.Property.GetValue(activity)!).Bind(name, variable);
            }

            foreach (var output in descriptor.Outputs.Where(o => !definition.Outputs.ContainsKey(o.Name)))
            {
                ((IOutput)output.Property.GetValue(activity)!).Bind(output.Name, null);
            }
        }

        private HashSet<string> BindSlots(Activity activity, ActivityDefinition definition, ActivityDescriptor descriptor, string path, IReadOnlyDictionary<string, (DataType Type, bool ReadOnly)> visible)
        {
            var nodeIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, slot) in definition.Slots)
            {
                var slotDescriptor = descriptor.FindSlot(name);
                if (slotDescriptor is null)
                {
                    Problem(activity.Id, name, $"{descriptor.Type} has no slot '{name}' for child activities (slots: {Names(descriptor.Slots.Select(s => s.Name))})");
                    continue;
                }

                if (slot.Kind != slotDescriptor.Kind || (slot.Kind == SlotKind.Single && slot.Items.Count != 1))
                {
                    Problem(activity.Id, name, $"'{name}' holds {Describe(slotDescriptor.Kind)}");
                    continue;
                }

                var inner = visible;
                var declared = activity.GetScopeVariables(name).ToList();
                if (declared.Count > 0)
                {
                    var extended = visible.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                    foreach (var variable in declared) extended[variable] = (DataType.Any, false);
                    inner = extended;
                }

                var children = new List<(string? Key, Activity? Activity)>();
                foreach (var item in slot.Items)
                {
                    children.Add((item.Key, CompileActivity(item.Activity, path, inner)));
                    if (item.Activity.Id is { } childId && descriptor.IsFlowchart) nodeIds.Add(childId);
                }

                if (children.Any(c => c.Activity is null)) continue;
                object value = slot.Kind switch
                {
                    SlotKind.Single => children[0].Activity!,
                    SlotKind.List => children.Select(c => c.Activity!).ToArray(),
                    _ => MapChildren(activity.Id, name, children),
                };
                slotDescriptor.Property.SetValue(activity, value);
            }

            return nodeIds;
        }

        private Dictionary<string, Activity> MapChildren(string activityId, string slot, List<(string? Key, Activity? Activity)> children)
        {
            var map = new Dictionary<string, Activity>(StringComparer.Ordinal);
            foreach (var (key, child) in children)
            {
                if (string.IsNullOrEmpty(key) || !map.TryAdd(key, child!)) Problem(activityId, slot, $"the name '{key}' is empty or used twice");
            }

            return map;
        }

        private void BindConnections(IFlowchart flowchart, ActivityDefinition definition, HashSet<string> nodeIds)
        {
            var id = definition.Id;
            foreach (var connection in definition.Connections)
            {
                var where = $"connection {connection.From} --{connection.Outcome}--> {connection.To}";
                if (!nodeIds.Contains(connection.From ?? ""))
                {
                    Problem(id, where, $"'{connection.From}' is not an activity of this flowchart (activities: {Names(nodeIds)})");
                    continue;
                }

                if (!nodeIds.Contains(connection.To ?? ""))
                {
                    Problem(id, where, $"'{connection.To}' is not an activity of this flowchart (activities: {Names(nodeIds)})");
                }

                if (_activities.TryGetValue(connection.From!, out var source) && registry.TryGet(source.TypeName, out var sourceDescriptor))
                {
                    var outcomes = source.GetDynamicOutcomes() ?? sourceDescriptor.Outcomes;
                    if (!outcomes.Contains(connection.Outcome ?? "", StringComparer.Ordinal))
                    {
                        Problem(id, where, $"'{connection.From}' ({source.TypeName}) has no outcome '{connection.Outcome}' (outcomes: {Names(outcomes)})");
                    }
                }
            }

            if (definition.Start is { } start && !nodeIds.Contains(start))
            {
                Problem(id, "start", $"the start activity '{start}' is not an activity of this flowchart");
            }

            flowchart.SetConnections(definition.Connections, definition.Start);
        }

        private static string Describe(SlotKind kind) => kind switch
        {
            SlotKind.Single => "exactly one activity (a JSON object)",
            SlotKind.List => "a list of activities (a JSON array)",
            _ => "named activities (a JSON object of name: activity)",
        };

        private static string Names(IEnumerable<string> names)
        {
            var list = names.ToList();
            return list.Count == 0 ? "none" : string.Join(", ", list);
        }

        private void Problem(string? activityId, string? property, string message) =>
            _problems.Add(new ValidationProblem(activityId, property, message));
    }
}
