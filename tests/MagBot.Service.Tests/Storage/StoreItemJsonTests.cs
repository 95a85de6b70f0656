using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Engine;
using MagBot.Storage;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Storage;

/// <summary>The one-pass store serialization writes exactly what the two-pass one (JObject, drop the ETag, text) wrote,
/// so state saved by an older build reads back the same and Redis holds the same bytes.</summary>
public sealed class StoreItemJsonTests
{
    public static TheoryData<string> Shapes() => [.. Values.Keys];

    private static readonly Dictionary<string, Func<object>> Values = new()
    {
        ["BotState dictionary with a typed property and an ETag"] = () => new Dictionary<string, object>
        {
            ["MagBot.Conversation"] = new ConversationData
            {
                Welcomed = true,
                Stack = [new DialogInstance { Id = "foods", State = JObject.Parse("""{"step":2,"values":{"age":41,"sex":null,"when":"2026-11-25T10:00:00Z","ratio":0.125}}""") }],
                PendingClarification = ["a \"quoted\" word", "ünïcödé ✓", "line\nbreak"],
            },
            ["Test.TurnCount"] = new { Count = 3 },
            ["eTag"] = "41",
        },
        ["BotState dictionary as read back (JObject values)"] = () => new Dictionary<string, object>
        {
            ["MagBot.Conversation"] = JObject.Parse("""{"Version":1,"Welcomed":false,"Stack":[],"Suspended":null}"""),
            ["eTag"] = "*",
            ["when"] = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)),
            ["nothing"] = null!,
        },
        ["JObject with an ETag"] = () => JObject.Parse("""{"a":1,"eTag":"7","b":{"c":[1,2.5,"x",null,true]},"d":"2026-11-25T10:00:00+01:00"}"""),
        ["plain object"] = () => new { Name = "n", Count = 2, Nested = new { Flag = true } },
        ["empty dictionary"] = () => new Dictionary<string, object>(),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void One_pass_serialization_writes_the_same_text_as_the_JObject_route(string shape)
    {
        var twoPass = StoreItemJson.ToJson(Values[shape]());
        twoPass.Remove(StoreItemJson.ETagProperty);

        Assert.Equal(StoreItemJson.Serialize(twoPass), StoreItemJson.SerializeForStore(Values[shape]()));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Reading_gives_BotState_the_dictionary_it_made_from_a_JObject_itself_plus_the_ETag(string shape)
    {
        var text = StoreItemJson.SerializeForStore(Values[shape]());
        // What BotState built before: the stored JObject with its ETag, converted by Json.NET.
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(text)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
        var parsed = JObject.Load(reader);
        parsed[StoreItemJson.ETagProperty] = "17";
        var expected = parsed.ToObject<Dictionary<string, object?>>()!;

        var read = StoreItemJson.DeserializeProperties(text, "17");

        Assert.Equal(expected.Keys.Order(), read.Keys.Order());
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value?.GetType(), read[name]?.GetType());
            if (value is JToken token) Assert.True(JToken.DeepEquals(token, (JToken)read[name]!), name);
            else Assert.Equal(value, read[name]);
        }
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":1")]
    public void A_stored_item_that_is_not_a_whole_object_is_refused_as_unreadable_JSON(string text)
    {
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => StoreItemJson.DeserializeProperties(text, "1"));
    }

    [Fact]
    public void The_ETag_is_never_part_of_the_stored_text()
    {
        var text = StoreItemJson.SerializeForStore(new Dictionary<string, object> { ["p"] = 1, ["eTag"] = "9" });

        Assert.DoesNotContain("eTag", text);
        Assert.Equal(1, JObject.Parse(text).Value<int>("p"));
    }
}
