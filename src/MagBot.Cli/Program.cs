using MagBot.Cli;
using MagBot.Cli.ContentReview;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

// magbot chat            talk to MagBot in the terminal (same bot as the service, no network)
// magbot nlu-eval FILE   evaluate understanding on a labelled file (see the understanding issue)
// magbot safety-eval FILE...  score the safety screen per category on labelled messages
// magbot content-review  every fact with its sources and review date; flags stale facts and weak sources
// magbot unanswered      the questions MagBot could not place (kept redacted when Insights:KeepUnanswered), grouped
const string Usage = "Usage: magbot chat | magbot nlu-eval FILE | magbot safety-eval FILE... | magbot content-review [--months 12] | " + MagBot.Cli.Unanswered.UnansweredCommand.Usage;
var verb = args.FirstOrDefault() ?? "chat";
switch (verb)
{
    case "chat":
        return await ChatAsync();
    case "nlu-eval":
        return NluEvalCommand.Run(args.Skip(1).ToList(), Console.Out, Console.Error);
    case "safety-eval":
        return SafetyEvalCommand.Run(args.Skip(1).ToList(), Console.Out, Console.Error);
    case "content-review":
        return ContentReviewCommand.Run(args.Skip(1).ToList(), Console.Out, Console.Error, TimeProvider.System);
    case "unanswered":
        return await MagBot.Cli.Unanswered.UnansweredCommand.RunAsync(args.Skip(1).ToList(), Console.Out, Console.Error, TimeProvider.System);
    case "-h" or "--help" or "help":
        Console.WriteLine(Usage);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command '{verb}'. {Usage}");
        return 2;
}

static async Task<int> ChatAsync()
{
    using var services = InProcessBot.Create();
    var bot = services.GetRequiredService<IBot>();
    var adapter = new ConsoleAdapter(Console.Out);
    Console.WriteLine("MagBot terminal chat. Type a message, or 'quit' to leave.");
    await adapter.JoinAsync(bot);
    while (true)
    {
        Console.Write("> ");
        var line = Console.ReadLine();
        if (line is null || line.Trim() is "quit" or "exit") break;
        await adapter.SayAsync(line, bot);
    }
    return 0;
}
