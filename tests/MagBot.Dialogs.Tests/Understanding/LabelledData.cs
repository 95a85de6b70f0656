using MagBot.Dialogs.Understanding;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Tests.Understanding;

/// <summary>The labelled files under tests/MagBot.Dialogs.Tests/Data (copied next to the test assembly), and one
/// recognizer trained once for all tests: training is deterministic, so sharing it changes no result.</summary>
public static class LabelledData
{
    private static readonly Lazy<IntentRecognizer> SharedRecognizer = new(() => new IntentRecognizer(NoMedicationFinder.Instance));

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Data", fileName);

    public static NluDataFile HeldOut => NluDataFile.Load(PathOf("nlu.heldout.yaml"));

    public static NluDataFile Medications => NluDataFile.Load(PathOf("medications.labelled.yaml"));

    public static IntentRecognizer Recognizer => SharedRecognizer.Value;
}
