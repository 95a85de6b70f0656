using MagBot.Dialogs.Knowledge;
using MagBot.Dialogs.Understanding;

namespace MagBot.Dialogs.Tests.Screening;

/// <summary>The real embedded content, lexicon and recognizer, loaded once for the recognizer tests.</summary>
public static class ScreeningFixtures
{
    private static readonly Lazy<(ContentCatalog Content, MedicationLexicon Lexicon, MedicationRecognizer Recognizer)> Loaded = new(() =>
    {
        var content = ContentCatalog.LoadEmbedded();
        var lexicon = MedicationLexicon.LoadEmbedded(content);
        return (content, lexicon, new MedicationRecognizer(lexicon));
    });

    public static ContentCatalog Content => Loaded.Value.Content;
    public static MedicationLexicon Lexicon => Loaded.Value.Lexicon;
    public static MedicationRecognizer Recognizer => Loaded.Value.Recognizer;

    /// <summary>
    /// Written by hand from issue 5 and DESIGN.md, independently of medications.yaml: if an entry is deleted
    /// from the YAML, the tests over this list fail. (spelling a person may type, class it must be flagged as)
    /// </summary>
    public static readonly (string Spelling, string ClassId)[] ExpectedNames =
    [
        ("amlodipine", "calcium-channel-blocker"), ("Norvasc", "calcium-channel-blocker"), ("nifedipine", "calcium-channel-blocker"),
        ("Procardia", "calcium-channel-blocker"), ("Adalat", "calcium-channel-blocker"), ("diltiazem", "calcium-channel-blocker"),
        ("Cardizem", "calcium-channel-blocker"), ("verapamil", "calcium-channel-blocker"), ("Calan", "calcium-channel-blocker"),
        ("felodipine", "calcium-channel-blocker"), ("Plendil", "calcium-channel-blocker"),
        ("furosemide", "loop-thiazide-diuretic"), ("Lasix", "loop-thiazide-diuretic"), ("bumetanide", "loop-thiazide-diuretic"),
        ("Bumex", "loop-thiazide-diuretic"), ("torsemide", "loop-thiazide-diuretic"), ("Demadex", "loop-thiazide-diuretic"),
        ("hydrochlorothiazide", "loop-thiazide-diuretic"), ("HCTZ", "loop-thiazide-diuretic"), ("chlorthalidone", "loop-thiazide-diuretic"),
        ("ethacrynic acid", "loop-thiazide-diuretic"),
        ("spironolactone", "potassium-sparing-diuretic"), ("Aldactone", "potassium-sparing-diuretic"), ("amiloride", "potassium-sparing-diuretic"),
        ("Midamor", "potassium-sparing-diuretic"), ("triamterene", "potassium-sparing-diuretic"),
        ("water pill", "diuretic-unspecified"),
        ("calcium", "calcium-supplement"), ("calcium carbonate", "calcium-supplement"), ("calcium citrate", "calcium-supplement"), ("Tums", "calcium-supplement"),
        ("vitamin d", "vitamin-d"), ("vitamin D3", "vitamin-d"), ("cholecalciferol", "vitamin-d"),
        ("alendronate", "bisphosphonate"), ("Fosamax", "bisphosphonate"), ("risedronate", "bisphosphonate"), ("Actonel", "bisphosphonate"),
        ("ibandronate", "bisphosphonate"), ("Boniva", "bisphosphonate"), ("bone pill", "bisphosphonate"),
        ("doxycycline", "tetracycline"), ("Vibramycin", "tetracycline"), ("minocycline", "tetracycline"), ("Minocin", "tetracycline"),
        ("tetracycline", "tetracycline"), ("demeclocycline", "tetracycline"), ("Declomycin", "tetracycline"),
        // Issue 15: each quinolone follows its own label's spacing, so each has its own class.
        ("ciprofloxacin", "ciprofloxacin"), ("Cipro", "ciprofloxacin"), ("levofloxacin", "levofloxacin"), ("Levaquin", "levofloxacin"),
        ("moxifloxacin", "moxifloxacin"), ("Avelox", "moxifloxacin"), ("ofloxacin", "fluoroquinolone"),
        ("omeprazole", "proton-pump-inhibitor"), ("Prilosec", "proton-pump-inhibitor"), ("esomeprazole", "proton-pump-inhibitor"),
        ("Nexium", "proton-pump-inhibitor"), ("pantoprazole", "proton-pump-inhibitor"), ("Protonix", "proton-pump-inhibitor"),
        ("lansoprazole", "proton-pump-inhibitor"), ("Prevacid", "proton-pump-inhibitor"), ("rabeprazole", "proton-pump-inhibitor"),
        ("Aciphex", "proton-pump-inhibitor"), ("dexlansoprazole", "proton-pump-inhibitor"), ("heartburn pill", "proton-pump-inhibitor"),
        ("levothyroxine", "levothyroxine"), ("Synthroid", "levothyroxine"), ("Levoxyl", "levothyroxine"),
        ("gabapentin", "gabapentin"), ("Neurontin", "gabapentin"),
        ("digoxin", "digoxin"), ("Lanoxin", "digoxin"),
        ("dolutegravir", "integrase-inhibitor"), ("Tivicay", "integrase-inhibitor"), ("bictegravir", "integrase-inhibitor"),
        ("raltegravir", "integrase-inhibitor"), ("Isentress", "integrase-inhibitor"),
        ("cabotegravir", "integrase-inhibitor"), ("Vocabria", "integrase-inhibitor"),
        ("gentamicin", "aminoglycoside"), ("tobramycin", "aminoglycoside"), ("amikacin", "aminoglycoside"), ("streptomycin", "aminoglycoside"),
        ("milk of magnesia", "magnesium-antacid-laxative"), ("magnesium hydroxide", "magnesium-antacid-laxative"),
        ("Epsom salt", "magnesium-antacid-laxative"),
        ("antacid", "magnesium-antacid-laxative"), ("laxative", "magnesium-antacid-laxative"),
        ("blood pressure pill", "blood-pressure-medicine"),
    ];

    /// <summary>Every class the issue and DESIGN.md name: deleting one from the YAML fails a test.</summary>
    public static readonly string[] ExpectedClassIds =
    [
        "calcium-channel-blocker", "loop-thiazide-diuretic", "potassium-sparing-diuretic", "diuretic-unspecified", "calcium-supplement",
        "vitamin-d", "bisphosphonate", "tetracycline", "fluoroquinolone", "ciprofloxacin", "moxifloxacin", "levofloxacin",
        "muscle-relaxant", "zinc-high-dose", "calcineurin-inhibitor", "magnesium-wasting", "long-acting-injection", "calcitriol",
        "gabapentin-enacarbil", "magnesium-supplement", "no-known-interaction", "proton-pump-inhibitor", "levothyroxine", "gabapentin",
        "digoxin", "integrase-inhibitor", "aminoglycoside", "magnesium-antacid-laxative", "blood-pressure-medicine", "supplement-no-known-interaction",
    ];
}
