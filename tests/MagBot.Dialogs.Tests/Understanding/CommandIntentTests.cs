using MagBot.Dialogs.Bot;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>
/// Help, cancel, start over and delete my data act at any depth and can throw away a half-finished flow,
/// so they must fire on the ways people say them and never on sentences that merely contain their words.
/// </summary>
public sealed class CommandIntentTests
{
    public static TheoryData<string, string> Commands => new()
    {
        { "cancel", Intents.Cancel }, { "Cancel.", Intents.Cancel }, { "STOP", Intents.Cancel }, { "stop please", Intents.Cancel },
        { "ok stop", Intents.Cancel }, { "never mind", Intents.Cancel }, { "nevermind", Intents.Cancel }, { "nvm", Intents.Cancel },
        { "quit", Intents.Cancel }, { "forget it", Intents.Cancel }, { "cancle", Intents.Cancel }, { "no, stop this", Intents.Cancel },
        { "help", Intents.Help }, { "HELP!", Intents.Help }, { "help me", Intents.Help }, { "i need help", Intents.Help },
        { "what can you do?", Intents.Help }, { "how does this work", Intents.Help }, { "what are my options", Intents.Help },
        { "start over", Intents.StartOver }, { "restart", Intents.StartOver }, { "let's start again", Intents.StartOver },
        { "main menu", Intents.StartOver }, { "back to the beginning", Intents.StartOver }, { "reset", Intents.StartOver },
        { "delete my data", Intents.DeleteMyData }, { "forget me", Intents.DeleteMyData }, { "Forget me.", Intents.DeleteMyData },
        { "please delete all my data", Intents.DeleteMyData }, { "erase my information", Intents.DeleteMyData },
        { "i want my data deleted", Intents.DeleteMyData }, { "wipe my history please", Intents.DeleteMyData },
        { "delete everything you know about me", Intents.DeleteMyData },
    };

    /// <summary>Sentences that contain a command's words but are about something else.</summary>
    public static TheoryData<string> NearMisses => new()
    {
        "I stopped taking it",
        "I stopped taking magnesium last week",
        "can you help me with migraines",
        "does magnesium help",
        "does magnesium help fibromyalgia",
        "what helps tension headaches",
        "help my fibro",
        "how do I stop a migraine",
        "should I stop taking magnesium before surgery",
        "can I stop my blood pressure pills",
        "my doctor said to cancel the ibuprofen",
        "the pain never stops",
        "the headaches never stop",
        "I forget to take my pills",
        "I keep forgetting my dose",
        "should I quit coffee for my migraines",
        "start over with a lower dose?",
        "I restarted magnesium after a break",
        "when I start magnesium how long until it works",
        "how do I start taking magnesium",
        "is my data safe with you",
        "do you store my medication list",
        "delete? no, I want to know about foods",
        "remove magnesium from my diet?",
        "can I take magnesium to help me sleep",
        "help me write an email to my boss",
        "menu of foods high in magnesium",
        "I need help choosing a magnesium supplement",
        "does epsom salt help with pain",
        "reset my dose",
        "I want to stop having headaches",
        "stop the pain",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_is_recognised_confidently(string text, string command)
    {
        var result = LabelledData.Recognizer.Recognize(text);

        Assert.Equal(command, result.Intent);
        Assert.True(result.Score >= ConversationRunner.ClarifyThreshold, $"{result.Score:0.00}");
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public void Command_never_fires_on_a_near_miss(string text)
    {
        var result = LabelledData.Recognizer.Recognize(text);

        Assert.False(Intents.IsCommand(result.Intent), $"\"{text}\" was taken as the command {result.Intent} ({result.Score:0.00}).");
    }

    [Fact]
    public void Asking_for_help_with_migraines_is_about_migraine()
    {
        Assert.Equal(Intents.Migraine, LabelledData.Recognizer.Recognize("can you help me with migraines").Intent);
    }
}
