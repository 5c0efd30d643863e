#!/usr/bin/env python3
"""Writes a synthetic news archive for benchmarks: N Markdown articles with Gazette front matter.

usage: corpus.py N OUT [--seed S] [--words W]

Deterministic for a seed. Articles spread over twenty years in folders by year, with 1 to 4
topics drawn so that a few topics are large and most are small (as in a real archive), a
dateline, highlights, and a body of paragraphs, subheadings, lists, quotes and tables.
"""
import argparse, datetime, os, random

VOCABULARY = """minister officials said security province border talks economy inflation budget bank
market prices trade exports energy fuel court ruling parliament election party leader opposition
protest police capital district village army operation attack rescue flood rain drought water crops
farmers harvest wheat rice cotton rupee dollar investment railway port airport flights school
students health hospital vaccine climate heat summit delegation agreement treaty cooperation
statement ministry interior foreign finance digital payments network company shares record growth
decline report survey analysts estimate billion million percent annual weekly national regional
coastal northern southern historic recent early late strong weak rising falling steady""".split()
TOPICS = """Pakistan Afghanistan India Iran China Gulf Economy Security Politics Energy Climate Health
Education Technology Banking Trade Sports Cricket Culture Courts Elections Diplomacy Migration
Agriculture Water Infrastructure Aviation Karachi Lahore Islamabad Peshawar Quetta Balochistan Sindh
Punjab""".split()
CITIES = "KARACHI ISLAMABAD LAHORE PESHAWAR QUETTA KABUL DUBAI RIYADH".split()


def words(rng, lo, hi):
    return " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(lo, hi)))


def sentence(rng):
    text = words(rng, 8, 20)
    if rng.random() < 0.1:
        text += " [%s](https://example.org/r/%d)" % (rng.choice(VOCABULARY), rng.randrange(10**6))
    return text[0].upper() + text[1:] + "."


def body(rng, target):
    blocks, count = [], 0
    while count < target:
        r = rng.random()
        if r < 0.07:
            block = "## " + words(rng, 3, 6).capitalize()
        elif r < 0.13:
            block = "\n".join("- " + sentence(rng) for _ in range(rng.randint(2, 4)))
        elif r < 0.17:
            block = "> " + sentence(rng)
        elif r < 0.19:
            rows = ["| Item | Value |", "|---|--:|"] + ["| %s | %d |" % (rng.choice(VOCABULARY), rng.randrange(10**5)) for _ in range(4)]
            block = "\n".join(rows)
        else:
            block = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        blocks.append(block)
        count += len(block.split())
    return "\n\n".join(blocks)


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    topics = TOPICS + ["%s %s" % (rng.choice(TOPICS), w.capitalize()) for w in rng.sample(VOCABULARY, 90)]
    weights = [1.0 / (i + 1) for i in range(len(topics))]
    start = datetime.datetime(2006, 1, 1, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    for i in range(args.n):
        when = start + datetime.timedelta(seconds=rng.randrange(20 * 365 * 86400))
        title = words(rng, 6, 11).capitalize()
        chosen = []
        for _ in range(rng.choice([1, 2, 2, 3, 4])):
            topic = rng.choices(topics, weights)[0]
            if topic not in chosen:
                chosen.append(topic)
        lines = ["---", "title: " + quoted(title), "date: " + when.isoformat(),
                 "topics: [" + ", ".join(quoted(t) for t in chosen) + "]",
                 "dateline: " + rng.choice(CITIES), "highlights:",
                 "  - " + quoted(sentence(rng)), "  - " + quoted(sentence(rng))]
        if rng.random() < 0.3:
            lines.append("updated: " + (when + datetime.timedelta(hours=rng.randrange(1, 30))).isoformat())
        lines.append("---")
        folder = os.path.join(args.out, str(when.year))
        os.makedirs(folder, exist_ok=True)
        slug = "-".join(title.lower().split()[:7]) + "-%d" % i
        with open(os.path.join(folder, slug + ".md"), "w") as f:
            f.write("\n".join(lines) + "\n\n" + body(rng, max(80, int(rng.gauss(args.words, args.words / 3)))) + "\n")


if __name__ == "__main__":
    main()
