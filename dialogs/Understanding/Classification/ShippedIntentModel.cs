using System.Security.Cryptography;
using System.Text;
using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding.Labelled;

namespace MagBot.Dialogs.Understanding.Classification;

/// <summary>
/// The intent model trained on the embedded training split, shipped in the assembly
/// (<c>Understanding/Data/intent-model.bin</c>) so that the service does not spend half a second of its start training
/// it. Training is deterministic, so the shipped model is exactly what training gives: a test
/// (ShippedIntentModelTests) retrains and fails if a single bit differs, and says how to regenerate the file. The file
/// also records a fingerprint of what it was trained from (the training split and the medication files behind the
/// medicine feature): if those change and the file was not regenerated, it is not used and the model is trained at
/// start-up as before, so a stale file can never change what MagBot understands.
/// </summary>
public static class ShippedIntentModel
{
    public const string ResourceName = "MagBot.Understanding.intent-model.bin";
    public const string SourcePath = "dialogs/Understanding/Data/intent-model.bin";
    private const string Magic = "magbot-intent-model/1";

    /// <summary>The shipped model when it was trained from the embedded files as they are now; otherwise null (train instead).</summary>
    public static SoftmaxIntentModel? Load()
    {
        using var stream = typeof(ShippedIntentModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null) return null;
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadString() != Fingerprint()) return null;
        return SoftmaxIntentModel.Read(reader);
    }

    /// <summary>Writes <paramref name="model"/>, trained from the embedded files as they are now, in the shipped format.</summary>
    public static void Write(SoftmaxIntentModel model, Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Fingerprint());
        model.Write(writer);
    }

    /// <summary>SHA-256 of everything the model is trained from: the training split and the medication files.</summary>
    public static string Fingerprint()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = typeof(ShippedIntentModel).Assembly.GetManifestResourceStream(NluDataFile.TrainingResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{NluDataFile.TrainingResourceName}' is missing."))
        using (var reader = new StreamReader(stream))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(reader.ReadToEnd()));
        }
        foreach (var file in new[] { MedicationLexicon.MedicationsFile, MedicationLexicon.ConditionsFile, MedicationLexicon.WordsFile })
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n--" + file + "\n" + ContentCatalog.ReadResource(file)));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
