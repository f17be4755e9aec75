using System.Collections;
using System.Globalization;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;
using Rpa.Engine.Values;

namespace Rpa.Engine.Expressions;

/// <summary>Converts between engine values and plain JavaScript values (never CLR wrappers: scripts get no CLR access).</summary>
internal static class JavaScriptValues
{
    /// <summary>A plain JavaScript value; lists and objects are frozen with <paramref name="freeze"/> (Object.freeze, taken before any script ran).</summary>
    public static JsValue ToJs(JsEngine engine, object? value, JsValue freeze) => value switch
    {
        null => JsValue.Null,
        string s => new JsString(s),
        decimal d => new JsNumber((double)d),
        int i => new JsNumber(i),
        long l => new JsNumber(l),
        double d => new JsNumber(d),
        bool b => b ? JsBoolean.True : JsBoolean.False,
        DateTimeOffset or DateTime => JsValue.FromObject(engine, value is DateTimeOffset dto ? dto.UtcDateTime : value),
        Table table => Frozen(engine, freeze, new JsArray(engine, table.Rows.Select(r => ToJs(engine, r, freeze)).ToArray())),
        IEnumerable<KeyValuePair<string, object?>> pairs => ToJsObject(engine, pairs, freeze),
        IEnumerable items and not string => Frozen(engine, freeze, new JsArray(engine, items.Cast<object?>().Select(i => ToJs(engine, i, freeze)).ToArray())),
        Enum e => new JsString(e.ToString()),
        _ => new JsString(value.ToString() ?? ""),
    };

    /// <summary>Whether <see cref="ToJs"/> makes a JavaScript Date somewhere in the value (the one thing it cannot freeze).</summary>
    public static bool ContainsDate(object? value) => value switch
    {
        null or string => false,
        DateTimeOffset or DateTime => true,
        Table table => table.Rows.Any(ContainsDate),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.Any(p => ContainsDate(p.Value)),
        IEnumerable items => items.Cast<object?>().Any(ContainsDate),
        _ => false,
    };

    /// <summary>
    /// Variables are read-only in scripts, and so are the lists and objects in them: the engine keeps a published value
    /// between evaluations, so a script that sorted or pushed into it in place would change what later scripts see.
    /// </summary>
    private static JsValue Frozen(JsEngine engine, JsValue freeze, ObjectInstance value) => engine.Call(freeze, JsValue.Undefined, [value]);

    /// <summary>An object whose properties are read-only from the start (see <see cref="Frozen"/>), which is cheaper than freezing it after.</summary>
    private static JsObject ToJsObject(JsEngine engine, IEnumerable<KeyValuePair<string, object?>> pairs, JsValue freeze)
    {
        var obj = new JsObject(engine);
        foreach (var (key, item) in pairs)
        {
            obj.FastSetProperty(key, new PropertyDescriptor(ToJs(engine, item, freeze), PropertyFlag.Enumerable));
        }

        obj.PreventExtensions();
        return obj;
    }

    public static object? FromJs(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined()) return null;
        if (value.IsString()) return value.AsString();
        if (value.IsBoolean()) return value.AsBoolean();
        if (value.IsNumber())
        {
            var d = value.AsNumber();
            if (double.IsNaN(d) || double.IsInfinity(d)) throw new ExpressionException($"the expression returned {d.ToString(CultureInfo.InvariantCulture)}, which is not a number a bot can use");
            if (Math.Abs(d) >= (double)decimal.MaxValue) throw new ExpressionException($"the expression returned {d.ToString(CultureInfo.InvariantCulture)}, which is too large for a number a bot can use");
            return (decimal)d;
        }

        if (value.IsDate()) return new DateTimeOffset(value.AsDate().ToDateTime().ToUniversalTime(), TimeSpan.Zero);
        if (value.IsArray())
        {
            var array = value.AsArray();
            var list = new List<object?>((int)array.Length);
            for (uint i = 0; i < array.Length; i++)
            {
                list.Add(FromJs(array[i]));
            }

            return list;
        }

        if (value is Jint.Native.Function.Function) throw new ExpressionException("the expression returned a function; call it to get a value");
        if (value is ObjectInstance obj)
        {
            var result = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, descriptor) in obj.GetOwnProperties())
            {
                if (!descriptor.Enumerable || !key.IsString()) continue;
                result[key.AsString()] = FromJs(obj.Get(key));
            }

            return result;
        }

        return value.ToString();
    }
}
