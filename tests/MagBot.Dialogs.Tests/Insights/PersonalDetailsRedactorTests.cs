using MagBot.Dialogs.Insights;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Insights;

/// <summary>What is taken out of a kept question: e-mail addresses, links, phone numbers, numbers and names of people.</summary>
public sealed class PersonalDetailsRedactorTests
{
    // The redactor the service builds: the SCOWL word list and the words of MagBot's training phrases and medicines.
    private static readonly Lazy<PersonalDetailsRedactor> Redactor = new(() => new PersonalDetailsRedactor(EnglishWords.Embedded,
        NluDataFile.LoadTraining().Utterances.SelectMany(u => MessageWords.VocabularyOf(u.Text)).Concat(["tylenol", "advil", "nexium", "synthroid"])));

    [Theory]
    [InlineData("email me at priya.k@example.com please", "email me at [email] please")]
    [InlineData("call me on +1 (555) 123-4567 tomorrow", "call me on [phone] tomorrow")]
    [InlineData("my number is 07700 900123", "my number is [phone]")]
    [InlineData("is 400 mg too much at 52 years old", "is [number] mg too much at [number] years old")]
    [InlineData("see https://example.org/x?id=9 for my chart", "see [link] for my chart")]
    public void Contact_details_and_numbers_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Value.Redact(text));

    [Theory]
    // Capitalised words that are not English words nor MagBot's: first names, surnames, anywhere in the sentence.
    [InlineData("Can Priya take it with her thyroid pills?", "Can [name] take it with her thyroid pills?")]
    [InlineData("Siobhan said magnesium helps", "[name] said magnesium helps")]
    [InlineData("my doctor is Dr. Okafor", "my doctor is Dr. [name]")]
    // Capitalised English words inside a sentence are names there: "Bill", "Rose", "Hope".
    [InlineData("my son Bill gets migraines", "my son [name] gets migraines")]
    [InlineData("does Rose Smith need more", "does [name] need more")]
    // A cue names the next words whatever their case.
    [InlineData("hi my name is john smith and I have fibromyalgia", "hi my name is [name] and I have fibromyalgia")]
    [InlineData("she is called anneliese", "she is called [name]")]
    public void Names_of_people_are_replaced(string text, string expected) =>
        Assert.Equal(expected, Redactor.Value.Redact(text));

    [Theory]
    // Capitalised ordinary and medical words, medicines, acronyms and "I" stay: the question must still read.
    [InlineData("Is Magnesium good for Migraine?")]
    [InlineData("Can I take Tylenol with magnesium glycinate")]
    [InlineData("What about PPI and NHS advice")]
    [InlineData("I'm taking Nexium, is that OK")]
    [InlineData("it is called magnesium citrate")]
    [InlineData("Does Epsom salt work")]
    public void Ordinary_medical_and_medicine_words_stay(string text) =>
        Assert.Equal(text, Redactor.Value.Redact(text));
}
