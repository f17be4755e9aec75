using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Expressions;

/// <summary>
/// The sandboxed JavaScript engine of one run. Variables are published as read-only globals, and only the ones a
/// script references, and only when they changed since the last evaluation. Evaluations are serialised (a Jint engine
/// is single-threaded), so Parallel branches can share it.
/// </summary>
internal sealed class JavaScriptRuntime
{
    private readonly JsEngine _engine;
    private readonly JsValue _freeze;
    private readonly ExpressionOptions _options;
    private readonly CancellationToken _cancellation;
    private readonly Dictionary<string, (Variable Variable, int Version, bool HasDate)> _published = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public JavaScriptRuntime(ExpressionOptions options, CancellationToken cancellation)
    {
        _options = options;
        _cancellation = cancellation;
        _engine = new JsEngine(o => o
            .Strict()
            .TimeoutInterval(options.JavaScriptTimeout)
            .MaxStatements(options.JavaScriptMaxStatements)
            .LimitMemory(options.JavaScriptMemoryLimit)
            .LimitRecursion(options.JavaScriptRecursionLimit)
            .CancellationToken(cancellation));

        // Taken before any script runs, so a script that replaces Object.freeze cannot unfreeze later variables.
        _freeze = _engine.Intrinsics.Object.Get("freeze");
    }

    public object? Evaluate(JavaScriptExpression expression, VariableScope scope)
    {
        lock (_gate)
        {
            Publish(expression, scope);
            try
            {
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var value = JavaScriptValues.FromJs(_engine.Evaluate(expression.Script));

                // Jint checks the memory limit between statements; one statement that allocates it all ('x'.repeat(1e8)) is caught here.
                if (_options.JavaScriptMemoryLimit > 0 && GC.GetAllocatedBytesForCurrentThread() - allocatedBefore > _options.JavaScriptMemoryLimit)
                {
                    throw new MemoryLimitExceededException("allocated after the last statement");
                }

                return value;
            }
            catch (TimeoutException e)
            {
                throw new ExpressionException($"the JavaScript expression ran longer than the {Seconds(_options.JavaScriptTimeout)} limit and was stopped", e);
            }
            catch (StatementsCountOverflowException e)
            {
                throw new ExpressionException($"the JavaScript expression executed more than {_options.JavaScriptMaxStatements.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} statements and was stopped", e);
            }
            catch (MemoryLimitExceededException e)
            {
                throw new ExpressionException($"the JavaScript expression allocated more than {_options.JavaScriptMemoryLimit / (1024 * 1024)} MB and was stopped", e);
            }
            catch (RecursionDepthOverflowException e)
            {
                throw new ExpressionException($"the JavaScript expression nested calls deeper than {_options.JavaScriptRecursionLimit} and was stopped", e);
            }
            catch (ExecutionCanceledException) when (_cancellation.IsCancellationRequested)
            {
                throw new OperationCanceledException(_cancellation);
            }
            catch (JavaScriptException e)
            {
                // Some errors carry no message (assigning to a read-only variable is a bare TypeError): show the error's name.
                var message = string.IsNullOrEmpty(e.Message) ? e.Error.ToString() : e.Message;
                throw new ExpressionException($"JavaScript error: {message} (in `{Shorten(expression.Source)}`)", e);
            }
        }
    }

    private void Publish(JavaScriptExpression expression, VariableScope scope)
    {
        foreach (var name in expression.ReferencedNames)
        {
            var variable = scope.Find(name);
            if (variable is null) continue;
            var version = variable.Version;
            // A Date cannot be frozen (date.setUTCDate(...) changes it in place), so a value holding one is published afresh.
            if (_published.TryGetValue(name, out var published) && ReferenceEquals(published.Variable, variable) && published.Version == version && !published.HasDate) continue;

            var value = JavaScriptValues.ToJs(_engine, variable.Value, _freeze);
            _engine.Global.DefineOwnProperty(name, new PropertyDescriptor(value, PropertyFlag.Configurable | PropertyFlag.Enumerable));
            _published[name] = (variable, version, JavaScriptValues.ContainsDate(variable.Value));
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.###} s" : $"{t.TotalMilliseconds:0} ms";

    private static string Shorten(string source) => source.Length <= 80 ? source : source[..77] + "...";
}
