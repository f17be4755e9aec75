using Fluid;
using Fluid.Values;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Expressions;

/// <summary>Renders Liquid templates with the variables in scope; undefined names are errors, not empty text.</summary>
internal static class LiquidRenderer
{
    public static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, TemplateOptions> OptionsByMaxSteps = new();

    public static string Render(LiquidExpression expression, VariableScope scope, ExpressionOptions options)
    {
        var context = new TemplateContext(OptionsFor(options.LiquidMaxSteps));
        // Only what the template can name: converting a big table in scope for every render of a template that does not
        // use it made each render cost as much as the table.
        foreach (var variable in scope.Visible())
        {
            if (expression.Names.Contains(variable.Name)) context.SetValue(variable.Name, variable.Value);
        }

        try
        {
            return expression.Template.Render(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fluid names a missing field of an object by its syntax node's type; say which field of which value instead.
            var message = e.Message.Contains("Fluid.Ast.", StringComparison.Ordinal) && LiquidFieldCheck.Explain(expression.Source, scope) is { } field
                ? field
                : e.Message;
            throw new ExpressionException($"Liquid error: {message}", e);
        }
    }

    private static TemplateOptions OptionsFor(int maxSteps)
    {
        return OptionsByMaxSteps.GetOrAdd(maxSteps, static steps =>
        {
            var options = new TemplateOptions
            {
                MaxSteps = steps,
                StrictVariables = true,
                CultureInfo = System.Globalization.CultureInfo.InvariantCulture,
                TimeZone = TimeZoneInfo.Utc,
            };
            options.ValueConverters.Add(value => value switch
            {
                TableRow row => row.ToDictionary(),
                Table table => table.Rows.Select(r => r.ToDictionary()).ToList(),
                _ => null,
            });
            return options;
        });
    }
}
