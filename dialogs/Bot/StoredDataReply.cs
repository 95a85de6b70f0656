using System.Globalization;
using MagBot.Dialogs.Engine;
using MagBot.Dialogs.Replies;
using Newtonsoft.Json.Linq;

namespace MagBot.Dialogs.Bot;

/// <summary>
/// "What do you know about me": everything this conversation's and this person's state holds, in plain words — where
/// they are in a flow, a flow left to go back to, the medicines and amounts they named, their age group, their consent —
/// then the offer to forget it all. Dialog state is read as stored (JSON), by the names the topics store it under, so a
/// new kind of stored detail shows up here once it is named below.
/// </summary>
public static class StoredDataReply
{
    public static IReadOnlyList<Reply> Build(DialogContext dc, ConversationData data, ConsentRecord? consent, Func<string, string> titleOf, Insights.InsightCounts? kept = null)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(data);
        var content = dc.Content;
        string Say(string key, string name, string? value) => content.Text(key, new Dictionary<string, string?> { [name] = value });

        var lines = new List<string>();
        if (data.Welcomed) lines.Add(content.Text("mydata.welcomed"));
        if (data.Stack.FirstOrDefault() is { } flow && flow.Id != ConversationRunner.ResumeDialogId) lines.Add(Say("mydata.flow", "where", titleOf(flow.Id)));
        if (data.Suspended?.FirstOrDefault() is { } left) lines.Add(Say("mydata.suspended", "where", titleOf(left.Id)));

        var states = data.Stack.Concat(data.Suspended ?? []).Select(i => i.State).ToList();
        var medicines = states.SelectMany(s => Items(s, "Medicines")).Select(m => (string?)m["Canonical"]).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (medicines.Count > 0) lines.Add(Say("mydata.medicines", "medicines", string.Join(", ", medicines.Select(Markdown.Escape))));
        var unchecked_ = states.SelectMany(s => Items(s, "Unchecked").Concat(Items(s, "PendingUnknown"))).Select(t => (string?)t).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (unchecked_.Count > 0) lines.Add(Say("mydata.unchecked", "names", string.Join(", ", unchecked_.Select(Markdown.Escape))));
        if (states.Select(s => Number(s, "AgeYears") ?? Number(s, "Age")).FirstOrDefault(a => a is not null) is { } age)
            lines.Add(Say("mydata.age", "ageGroup", content.Text(age < 9 ? "mydata.age.child" : age < 19 ? "mydata.age.teen" : "mydata.age.adult")));
        if (states.Select(s => Number(s, "DoseMg")).FirstOrDefault(d => d is not null) is { } dose)
            lines.Add(Say("mydata.dose", "dose", dose.ToString("0.#", CultureInfo.InvariantCulture)));
        if (states.Any(s => Items(s, "ConditionIds").Any() || Flag(s, "ConditionsUnsure"))) lines.Add(content.Text("mydata.conditions"));
        if (consent?.Version is { } version) lines.Add(Say("mydata.consent", "version", Markdown.Escape(version)));
        if (data.PendingTopic is not null) lines.Add(content.Text("mydata.pending"));
        if (data.LastSourced is not null) lines.Add(content.Text("mydata.lastanswer"));
        if (kept is { Comments: > 0 } c) lines.Add(Say("mydata.comments", "count", c.Comments.ToString(CultureInfo.InvariantCulture)));
        if (kept is { Unanswered: > 0 } u) lines.Add(Say("mydata.unanswered", "count", u.Unanswered.ToString(CultureInfo.InvariantCulture)));

        var list = lines.Count == 0
            ? content.Text("mydata.nothing")
            : content.Text("mydata.intro") + "\n\n" + string.Join("\n", lines.Select(l => "- " + l));
        return
        [
            new Reply { Text = list },
            new Reply { Text = content.Text("mydata.keep"), Buttons = [ReplyButton.Same(content.Text("mydata.forget"))] },
        ];
    }

    // Found at any depth: a waterfall keeps its values under its own step state.
    private static IEnumerable<JToken> Items(JObject state, string name) => state.SelectTokens("$.." + name).OfType<JArray>().SelectMany(a => a);

    private static double? Number(JObject state, string name) =>
        state.SelectTokens("$.." + name).FirstOrDefault(t => t.Type is JTokenType.Integer or JTokenType.Float)?.Value<double>();

    private static bool Flag(JObject state, string name) => state.SelectTokens("$.." + name).Any(t => t.Type == JTokenType.Boolean && t.Value<bool>());
}
