using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MagBot.Service.Tests.Support;

/// <summary>
/// Makes hostile variants of a valid activity from a seed, so a failing case can be replayed: byte-level damage
/// (flips, truncation, insertion, invalid UTF-8) and structural damage (fields removed, replaced by values of
/// other types, deep nesting, huge or odd strings). Each body gets its own conversation and user id, so the
/// rate limits do not turn the fuzz run into a rate-limit test.
/// </summary>
public sealed class ActivityMutator(int seed)
{
    private static readonly string[] Fields = ["type", "id", "timestamp", "channelId", "serviceUrl", "from", "conversation", "recipient", "text", "locale", "deliveryMode", "attachments", "entities", "channelData", "value", "membersAdded", "name", "replyToId", "suggestedActions"];
    private static readonly string[] Types = ["message", "conversationUpdate", "event", "invoke", "typing", "endOfConversation", "installationUpdate", "messageReaction", "deleteUserData", "trace", "handoff", "", "MESSAGE", "message\u0000"];
    private readonly Random _random = new(seed);

    public byte[] Next(int index)
    {
        var activity = JObject.FromObject(Activities.Message($"conv-fuzz-{index}", Text(), "http://127.0.0.1:9/", expectReplies: _random.Next(4) != 0, userId: $"fuzz-user-{index}"));
        activity["type"] = Types[_random.Next(Types.Length)];
        var structural = _random.Next(1, 4);
        for (var i = 0; i < structural; i++) MutateStructure(activity);
        var bytes = Encoding.UTF8.GetBytes(activity.ToString(Formatting.None));
        return _random.Next(3) == 0 ? MutateBytes(bytes) : bytes;
    }

    private void MutateStructure(JObject activity)
    {
        var field = Fields[_random.Next(Fields.Length)];
        switch (_random.Next(4))
        {
            case 0: activity.Remove(field); break;
            case 1: activity[field] = Value(depth: 0); break;
            case 2 when activity[field] is JObject inner: inner[Fields[_random.Next(Fields.Length)]] = Value(depth: 0); break;
            default: activity[$"x-{_random.Next(1000)}"] = Value(depth: 0); break;
        }
    }

    private JToken Value(int depth) => _random.Next(depth > 3 ? 6 : 9) switch
    {
        0 => JValue.CreateNull(),
        1 => new JValue(_random.Next(2) == 0),
        2 => new JValue(_random.NextDouble() * Math.Pow(10, _random.Next(-300, 300))),
        3 => new JValue(long.MaxValue - _random.Next(10)),
        4 => new JValue(Text()),
        5 => new JValue(new string('\u0000', _random.Next(1, 50))),
        6 => new JArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(depth + 1))),
        7 => new JObject(Enumerable.Range(0, _random.Next(0, 4)).Select(i => new JProperty(Fields[_random.Next(Fields.Length)] + i, Value(depth + 1)))),
        _ => Nest(_random.Next(10, 300)),
    };

    private string Text() => _random.Next(6) switch
    {
        0 => "",
        1 => new string('a', _random.Next(1, 100_000)),
        2 => "<script>alert(1)</script>[x](javascript:alert(1)) **bold** ![img](http://a.invalid/x.png)",
        3 => "\uD83D\uDE00\u200D\u202E\uFEFF\uD800",
        4 => string.Concat(Enumerable.Range(0, _random.Next(1, 200)).Select(_ => (char)_random.Next(0, 0xFFFF))),
        _ => "I take magnesium citrate 400 mg and amlodipine",
    };

    private static JToken Nest(int depth)
    {
        JToken token = new JObject();
        for (var i = 0; i < depth; i++) token = new JObject { ["a"] = token };
        return token;
    }

    private byte[] MutateBytes(byte[] bytes)
    {
        var list = bytes.ToList();
        switch (_random.Next(5))
        {
            case 0:
                for (var i = 0; i < _random.Next(1, 8) && list.Count > 0; i++) list[_random.Next(list.Count)] = (byte)_random.Next(256);
                break;
            case 1:
                if (list.Count > 0)
                {
                    var start = _random.Next(list.Count);
                    list.RemoveRange(start, _random.Next(1, list.Count - start + 1));
                }
                break;
            case 2:
                list.InsertRange(_random.Next(list.Count + 1), new byte[] { 0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF8 }.Take(_random.Next(1, 7)));
                break;
            case 3:
                list = list.Take(_random.Next(list.Count + 1)).ToList();
                break;
            default:
                list.InsertRange(_random.Next(list.Count + 1), Encoding.UTF8.GetBytes(new string('[', _random.Next(1, 5000))));
                break;
        }
        return [.. list];
    }
}
