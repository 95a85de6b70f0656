using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Understanding;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("does magnesium help with migraines?", MessageLanguage.English)]
    [InlineData("sertraline, amlodipine, vit D", MessageLanguage.English)]
    [InlineData("ok", MessageLanguage.English)]
    [InlineData("400", MessageLanguage.English)]
    [InlineData("me duele mucho la cabeza desde ayer", MessageLanguage.Spanish)]
    [InlineData("tengo fibromialgia y quiero saber del magnesio", MessageLanguage.Spanish)]
    [InlineData("q puedo tomar pa la migraña", MessageLanguage.Spanish)]
    [InlineData("¿el magnesio ayuda?", MessageLanguage.Spanish)]
    [InlineData("tengo un headache horrible", MessageLanguage.Spanish)]
    [InlineData("j'ai mal à la tête et je ne dors pas", MessageLanguage.Other)]
    [InlineData("eu estou com muita dor de cabeça", MessageLanguage.Other)]
    [InlineData("ich habe Kopfschmerzen und mir ist schlecht", MessageLanguage.Other)]
    [InlineData("мне плохо", MessageLanguage.Other)]
    [InlineData("I had tacos con queso and now my stomach hurts", MessageLanguage.English)]
    public void Detects_the_language_from_the_words(string text, MessageLanguage expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void The_channel_locale_decides_only_when_the_words_do_not()
    {
        Assert.Equal(MessageLanguage.Spanish, LanguageDetector.Detect("ibuprofeno", "es-US"));
        Assert.Equal(MessageLanguage.English, LanguageDetector.Detect("my head hurts so much", "es-US"));
        Assert.Equal(MessageLanguage.English, LanguageDetector.Detect(null));
    }
}
