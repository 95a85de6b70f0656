using System.Text.RegularExpressions;
using MagBot.Dialogs.Tests.Support;

namespace MagBot.Dialogs.Tests.Engine;

/// <summary>The engine is an engine: nothing under dialogs/Engine names another MagBot namespace, so it can be read,
/// tested and changed without the application (DESIGN.md: Topics → Engine, nothing points back).</summary>
public sealed partial class EngineArchitectureTests
{
    [Fact]
    public void No_file_in_the_engine_uses_another_MagBot_namespace()
    {
        var files = EngineFiles();
        Assert.Contains(files, f => f.EndsWith("DialogContext.cs", StringComparison.Ordinal));
        var offending = files.SelectMany(f => OtherMagBotNamespaces(File.ReadAllText(f)).Select(n => $"{Path.GetFileName(f)}: {n}")).ToList();
        Assert.True(offending.Count == 0, "dialogs/Engine must not use other MagBot namespaces (take an interface or a delegate instead):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void No_engine_type_exposes_a_type_of_another_MagBot_namespace()
    {
        var engine = typeof(MagBot.Dialogs.Engine.Dialog).Assembly.GetTypes()
            .Where(t => t.Namespace == "MagBot.Dialogs.Engine").ToList();
        Assert.NotEmpty(engine);
        var offending = engine.SelectMany(t => Referenced(t).Where(r => r.Namespace?.StartsWith("MagBot", StringComparison.Ordinal) == true
                && r.Namespace != "MagBot.Dialogs.Engine").Select(r => $"{t.Name} → {r.FullName}"))
            .Distinct().ToList();
        Assert.True(offending.Count == 0, "Engine types refer to application types:\n" + string.Join("\n", offending));
    }

    [Theory]
    [InlineData("using MagBot.Dialogs.Knowledge;", true)]
    [InlineData("var x = MagBot.Dialogs.Replies.Reply.FromText(\"a\");", true)]
    [InlineData("using static MagBot.Dialogs.Understanding.YesNoRecognizer;", true)]
    [InlineData("namespace MagBot.Dialogs.Engine;", false)]
    [InlineData("using Microsoft.Bot.Builder;", false)]
    public void The_check_finds_a_use_of_another_namespace(string code, bool found) =>
        Assert.Equal(found, OtherMagBotNamespaces(code).Any());

    private static IEnumerable<string> OtherMagBotNamespaces(string code) =>
        MagBotName().Matches(code).Select(m => m.Value).Where(n => n != "MagBot.Dialogs.Engine" && !n.StartsWith("MagBot.Dialogs.Engine.", StringComparison.Ordinal));

    [GeneratedRegex(@"\bMagBot(?:\.[A-Za-z_][A-Za-z0-9_]*)+")]
    private static partial Regex MagBotName();

    private static List<string> EngineFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "dialogs", "Engine"), "*.cs", SearchOption.AllDirectories)];

    // Base types, interfaces, fields, properties and method signatures, generic arguments included.
    private static IEnumerable<Type> Referenced(Type t)
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
            | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        var types = new List<Type?> { t.BaseType };
        types.AddRange(t.GetInterfaces());
        types.AddRange(t.GetFields(all).Select(f => f.FieldType));
        types.AddRange(t.GetProperties(all).Select(p => p.PropertyType));
        foreach (var m in t.GetMethods(all).Cast<System.Reflection.MethodBase>().Concat(t.GetConstructors(all)))
        {
            if (m is System.Reflection.MethodInfo mi) types.Add(mi.ReturnType);
            types.AddRange(m.GetParameters().Select(p => p.ParameterType));
        }
        return types.OfType<Type>().SelectMany(Flatten);
    }

    private static IEnumerable<Type> Flatten(Type t) =>
        t.HasElementType ? Flatten(t.GetElementType()!)
        : t.IsGenericType ? new[] { t.GetGenericTypeDefinition() }.Concat(t.GetGenericArguments().SelectMany(Flatten))
        : [t];
}
