using System.Text;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MagBot.Dialogs.Tests.Topics;

/// <summary>What a conversation keeps in the store is keys and values, not rendered texts (issue 18): at most 1 KB
/// after every turn of every flow, so the embedded store's budget and Redis's traffic stay small. The medication check
/// keeps each medicine's name only (its class is looked up again), about 25 bytes, so fifteen medicines fit.</summary>
public sealed class StoredStateSizeTests
{
    private const int MaxBytes = 1024;

    private const string FifteenMedicines = "norvasc, lasix, lisinopril, metformin, atorvastatin, levothyroxine, vitamin d, omeprazole, " +
        "doxycycline, alendronate, spironolactone, gabapentin, digoxin, hydrochlorothiazide and calcium carbonate";

    public static TheoryData<string[]> Flows => new()
    {
        { ["Foods with magnesium", "yes", "34", "female"] },
        { ["Foods with magnesium", "yes", "34", "not sure", "what?"] },
        { ["How much magnesium?", "yes", "2000 mg", "45"] },
        { ["Check my medications", "norvasc, lasix and vitamin d 1000 IU", "no, that's all", "none of these"] },
        { ["help", "Check my medications", "lisinopril", "start over", "delete my data"] },
        { ["Check my medications", "norvasc, lasix, lisinopril, metformin, atorvastatin, levothyroxine and vitamin d", "no, that's all"] },
        { ["Check my medications", FifteenMedicines, "no, that's all", "none of these"] },
        { ["Check my medications", "norvasc, lasix, lisinopril, metformin and atorvastatin", "yes",
           "levothyroxine, vitamin d 1000 IU, omeprazole, doxycycline and alendronate", "yes",
           "spironolactone, gabapentin 300 mg, digoxin, hydrochlorothiazide and magnesium citrate 2 x 200 mg", "no", "not sure"] },
    };

    /// <summary>The conversation's and the user's items as the store keeps them (JSON, UTF-8).</summary>
    private static async Task<(int Bytes, string Json)> StoredAsync(BotConversation conv)
    {
        var keys = new[] { StoredState.ConversationKey(conv.Adapter), StoredState.UserKey(conv.Adapter) };
        var items = await StoredState.ReadAsync(conv, keys);
        var json = string.Concat(items.Values.Select(StoreItemJson.SerializeForStore));
        return (Encoding.UTF8.GetByteCount(json), json);
    }

    [Theory, MemberData(nameof(Flows))]
    public async Task Every_step_of_a_flow_stores_at_most_1_KB(string[] turns)
    {
        using var conv = new BotConversation();
        await conv.JoinAsync();
        foreach (var text in turns)
        {
            await conv.SendAsync(text);
            var (bytes, json) = await StoredAsync(conv);
            Assert.True(bytes <= MaxBytes, $"after \"{text}\": {bytes} bytes stored: {json}");
        }
    }

    [Fact]
    public async Task A_waiting_prompt_stores_its_content_keys_not_its_texts()
    {
        using var conv = new BotConversation();
        var content = conv.Services.GetRequiredService<ContentCatalog>();
        await conv.SendAsync("Foods with magnesium");
        await conv.SendAsync("yes");
        await conv.SendAsync("34");

        var (_, json) = await StoredAsync(conv);
        Assert.Contains("foods.sex.ask", json, StringComparison.Ordinal);
        Assert.Contains("sex.pregnant.synonyms", json, StringComparison.Ordinal);
        Assert.DoesNotContain(content.Text("foods.sex.ask"), json, StringComparison.Ordinal);
        Assert.DoesNotContain(content.Text("sex.pregnant"), json, StringComparison.Ordinal);
        // Rendered again from the keys: a typed synonym is still understood after the state went through the store.
        var replies = await conv.SendAsync("pregnant");
        Assert.Contains("At age 34", replies.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_words_that_started_a_topic_are_not_kept_in_state()
    {
        using var conv = new BotConversation();
        await conv.SendAsync("How much magnesium is in my 250 mg tablets for migraine?");
        var (_, stored) = await StoredAsync(conv);
        // The last sourced answer is kept by its content key ("migraine.doses"), a name fixed in content, for feedback.
        var state = Newtonsoft.Json.Linq.JObject.Parse(stored);
        Assert.NotNull(state.SelectToken("$..LastSourced.ContentKey"));
        foreach (var rated in state.SelectTokens("$..LastSourced").ToList()) rated.Parent!.Remove();
        var json = state.ToString(Newtonsoft.Json.Formatting.None);
        Assert.DoesNotContain("tablets", json, StringComparison.Ordinal);
        Assert.DoesNotContain("migraine", json, StringComparison.Ordinal);
    }
}
