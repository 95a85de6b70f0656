using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Tests.Support;
using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Classification;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>
/// The service starts with the intent model shipped in the assembly instead of training it. These tests keep the
/// shipped model exactly what training on nlu.train.yaml gives now, so it can never go stale, and show the bot that
/// uses it understands exactly what a freshly trained one does. To regenerate the file after changing the training
/// split, the medication files or the features:
///   MAGBOT_UPDATE_INTENT_MODEL=1 dotnet test tests/MagBot.Dialogs.Tests --filter ShippedIntentModelTests
/// </summary>
public sealed class ShippedIntentModelTests
{
    private static readonly Lazy<IntentRecognizer> Fresh = new(() => new IntentRecognizer(NluDataFile.LoadTraining(), Finder()));

    private static LexiconMedicationFinder Finder() =>
        new(new MedicationRecognizer(MedicationLexicon.LoadEmbedded(ContentCatalog.LoadEmbedded())));

    private static byte[] FreshlyTrainedBytes()
    {
        using var bytes = new MemoryStream();
        ShippedIntentModel.Write((SoftmaxIntentModel)Fresh.Value.Model, bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void Shipped_model_is_exactly_what_training_gives()
    {
        var fresh = FreshlyTrainedBytes();
        var path = Path.Combine(RepoPaths.Root, ShippedIntentModel.SourcePath);
        if (Environment.GetEnvironmentVariable("MAGBOT_UPDATE_INTENT_MODEL") == "1") File.WriteAllBytes(path, fresh);

        const string howTo = "Regenerate it: MAGBOT_UPDATE_INTENT_MODEL=1 dotnet test tests/MagBot.Dialogs.Tests --filter ShippedIntentModelTests, then build again.";
        Assert.True(File.Exists(path), $"{ShippedIntentModel.SourcePath} is missing. {howTo}");
        Assert.True(fresh.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{ShippedIntentModel.SourcePath} differs from what training gives now. {howTo}");
        using var embedded = typeof(ShippedIntentModel).Assembly.GetManifestResourceStream(ShippedIntentModel.ResourceName);
        Assert.NotNull(embedded);
        using var copy = new MemoryStream();
        embedded.CopyTo(copy);
        Assert.True(fresh.AsSpan().SequenceEqual(copy.ToArray()), $"The model embedded in MagBot.Dialogs.dll is out of date. {howTo}");
    }

    [Fact]
    public void Recognizer_from_the_shipped_model_understands_exactly_what_a_trained_one_does()
    {
        Assert.NotNull(ShippedIntentModel.Load());
        var shipped = IntentRecognizer.ForEmbeddedTraining(Finder());
        var texts = LabelledData.HeldOut.Utterances.Select(u => u.Text).Concat(NluDataFile.LoadTraining().Utterances.Select(u => u.Text)).ToList();
        Assert.NotEmpty(texts);
        foreach (var text in texts)
        {
            var expected = Fresh.Value.Recognize(text);
            var actual = shipped.Recognize(text);
            Assert.Equal(expected.Intent, actual.Intent);
            Assert.Equal(expected.Score, actual.Score);
            Assert.Equal(expected.Alternatives, actual.Alternatives);
        }
    }
}
