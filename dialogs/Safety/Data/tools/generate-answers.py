#!/usr/bin/env python3
"""Writes dialogs/Safety/Data/en-answers.tsv: ordinary answers to MagBot's own questions (ages, sex, pregnancy
status, yes/no, doses, medicine lists, the person's own magnesium products), which the safety screen must stay quiet
on. Medicine names come from the vocabulary files (medications.yaml, medicines-no-interaction.yaml), so a medicine
added there is learned as ordinary talk too. Deterministic; run from the repository root:
    python3 dialogs/Safety/Data/tools/generate-answers.py
"""
import random, re

random.seed(20261129)
content = "dialogs/Knowledge/Content/"
names = set()
for f in ["medications.yaml", "medicines-no-interaction.yaml"]:
    text = open(content + f, encoding="utf-8").read()
    for m in re.finditer(r"name: ([A-Za-z][A-Za-z0-9 \-]+?)[,}\n]", text):
        names.add(m.group(1).strip())
    for m in re.finditer(r"brands: \[([^\]]*)\]", text):
        names.update(b.strip() for b in m.group(1).split(",") if b.strip())
names = sorted(n for n in names if not n.startswith("medicine with"))

magnesium = ["magnesium oxide", "mag oxide", "Mag-Ox", "Mag-Ox 400", "Slow-Mag", "magnesium citrate", "mag citrate",
             "magnesium glycinate", "mag glycinate", "magnesium bisglycinate", "magnesium malate", "magnesium threonate",
             "Magtein", "magnesium chloride", "magnesium taurate", "milk of magnesia", "Phillips milk of magnesia",
             "Natural Calm powder", "Epsom salt baths", "epsom salts", "magnesium spray", "magnesium oil", "a cal-mag tablet",
             "a multivitamin with magnesium", "Centrum", "magnesium", "mag", "Rolaids", "Maalox", "magnesium lotion"]
doses = ["", " 100mg", " 200 mg", " 250mg", " 400 mg", " 500 mg", " 500mg", " 600 mg", " 1 scoop", " 2 tablets", " 2 caps",
         " 400mg twice a day", " at night", " every morning", " most nights", " a tablespoon", " twice a week", " as needed"]
reasons = ["", " for sleep", " for cramps", " for my migraines", " for constipation", " for my fibro", " for heartburn",
           " for leg cramps", " because my doctor said so", " for anxiety"]
# Lay words for medicines, which people answer with as often as with names ("sleeping pills now and then").
lay = ["sleeping pills", "sleeping tablets", "a sleeping pill", "pain pills", "painkillers", "my water pill", "a water pill",
       "blood pressure pills", "my bp meds", "nerve pills", "muscle relaxers", "anxiety meds", "my antidepressant",
       "a heartburn pill", "antacids", "laxatives", "allergy pills", "birth control", "the pill", "an inhaler", "my thyroid pill",
       "cholesterol meds", "a blood thinner", "my migraine meds", "a triptan", "stool softener", "melatonin", "vitamins",
       "fish oil", "iron tablets", "my nerve pain medicine", "diabetes pills", "insulin", "steroid cream", "eye drops"]
often = ["now and then", "every night", "most nights", "when I need them", "once in a while", "daily", "for years",
         "at bedtime", "in the morning", "as needed", "sometimes", "every day", "twice a day", "for a few months now"]
tmpl = ["{a}", "I take {a}", "{a} and {b}", "{a}, {b}, {c}", "on {a} for years", "{a} 20mg daily, {b}", "just {a}",
        "my doctor has me on {a} and {b}", "{a} every morning", "{a} at bedtime", "{a} as needed", "{a} for my blood pressure",
        "{a} and a multivitamin", "{a}, vitamin d, magnesium", "I'm on {a} and {b} and {c}", "only {a}", "{a} 50 mg",
        "{b} twice a day", "{a} for migraine prevention", "{a} for my fibro", "mom takes {a} and {b}", "he's on {a}",
        "{a} {d}, {b}", "{m}{d}{r} and {a}", "{m}{d}{r}", "{m}{d} plus {b}", "{a}, {b}, and {m}{d}", "I take {m}{d}{r}",
        "{m}{d}, {m2}{d2}", "currently {a}{d} and {m}"]
lines = set()
def add(t):
    t = re.sub(r"\s+", " ", t).strip()
    if t: lines.add("ordinary\t" + t)

for a in range(1, 100):
    add(random.choice(["{}", "I'm {}", "im {} years old", "{} yrs", "age {}", "she is {}", "my son is {}", "{} yo", "he's {}",
                       "{} years", "turning {} next month", "{} and female", "{}, male", "im {} and not pregnant"]).format(a))
for w in ["sixteen", "seven", "forty two", "thirty", "fifty five", "twelve", "eighty", "nineteen", "sixty one", "three"]:
    add(random.choice(["{}", "I'm {}", "she's {}", "he is {} years old", "{} years old"]).format(w))
for t in ["female", "male", "woman", "man", "pregnant", "breastfeeding", "not pregnant", "I'm pregnant", "she is breastfeeding",
          "I'm a woman, not pregnant", "male, 45", "female 31", "im a guy", "girl, 14", "prefer not to say",
          "I'm breastfeeding my 3 month old", "currently pregnant, 20 weeks", "trying to get pregnant", "not pregnant or breastfeeding",
          "yes", "no", "yeah", "yep", "nope", "nah", "ok", "sure go ahead", "yes please", "no thanks", "not really", "maybe later",
          "I guess so", "of course", "not now", "sounds good", "tell me more", "that's all", "nothing else", "none", "none of them",
          "idk", "i dont know", "not sure", "whatever", "blue", "old enough", "sometimes", "every day", "at night", "twice a day",
          "once a week", "most nights", "on sundays", "with food", "before bed", "as needed", "when I remember",
          "nothing really", "no meds", "i dont take anything", "just vitamins", "only what my doctor gave me", "why do you need to know",
          "200 mg", "400mg", "250 mg twice a day", "two 250mg tablets", "one capsule at night", "my bottle says 500 mg",
          "500 mg of oxide", "about 300mg", "half a tablet", "1 scoop of powder", "a teaspoon", "2 gummies", "600 mg daily",
          "I take 2 pills of 133 mg each"]:
    add(t)
for i in range(260):
    x, y = random.sample(lay, 2)
    add(random.choice(["{x} {o}", "{x} {o} and {y}", "I take {x} {o}", "just {x} {o}", "{x}, {y}", "{x} and {a}",
                       "{a} and {x} {o}", "on {x} {o}", "mostly {x}", "{x} {o}, nothing else"]).format(
        x=x, y=y, o=random.choice(often), a=random.choice(names).lower()))

# Medicines given with the condition they treat ("neoral after my kidney transplant", "eliquis for clots"): the condition
# is the reason for a medicine, not a symptom now. And answers that decline or pass the question on.
conditions = [" after my kidney transplant", " since my liver transplant", " for my HIV", " since chemo", " for my heart",
              " for my epilepsy", " for blood clots", " for my lupus", " for chest pain as needed", " for my asthma",
              " for my depression", " when the pain keeps me up at night", " and my INR gets checked monthly",
              " for my afib", " since my stroke years ago", " for my crohns", " for bipolar", " for my MS"]
for i in range(220):
    a, b = random.sample(names, 2)
    add(random.choice(["{a}{c}", "{a}{c}, {b}", "I take {a}{c}", "my husband is on {a}{c}", "{a}{d}{c}", "mom is on {a}{c} and {b}",
                       "{b} and {a}{c}", "on {a}{c} for years"]).format(
        a=a.lower() if random.random() < .6 else a, b=b.lower(), c=random.choice(conditions), d=random.choice(doses)))
for t in ["i'd rather not say", "i would prefer to keep that private", "not comfortable sharing that", "pass",
          "my daughter handles my pills, ask her", "I'd have to check with my husband", "my wife keeps track of all that",
          "can't remember the names, they're in a box by the bed", "the nurse sorts my pill box so I don't know",
          "do I have to answer that", "let me go look at the bottles", "hold on, getting my list", "it's on my phone somewhere",
          "too many to list honestly", "skip this", "i'll ask my pharmacist and come back", "whatever my GP gave me"]:
    add(t)

for i in range(900):
    a, b, c = random.sample(names, 3)
    m, m2 = random.sample(magnesium, 2)
    add(random.choice(tmpl).format(a=a.lower() if random.random() < .6 else a, b=b.lower(), c=c, m=m, m2=m2,
                                   d=random.choice(doses), d2=random.choice(doses), r=random.choice(reasons)))

header = ("# Ordinary answers to MagBot's own questions (ages, sex, pregnancy status, yes/no, doses, medicine lists, the\n"
          "# person's own magnesium): the screen must stay quiet on them. Generated by tools/generate-answers.py from the\n"
          "# medicine vocabulary; do not edit by hand.\n")
with open("dialogs/Safety/Data/en-answers.tsv", "w", encoding="utf-8") as out:
    out.write(header + "\n".join(sorted(lines)) + "\n")
print(len(lines), "answers from", len(names), "medicine names")
