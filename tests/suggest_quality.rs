//! The suggestion detectors scored against the gold set in `tests/gold/` (written for
//! this project following `docs/annotation-guidelines.md`): precision and recall of
//! quote and figure spans (exact ranges), and the accuracy of speakers on the quotes
//! found. Fails below the thresholds of issue 5.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::fixture;
use spanmark::model::CharRange;
use spanmark::suggest::{self, CONFIDENT};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    speakers: usize,
    speakers_right: usize,
    misses: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
    fn speaker_accuracy(&self) -> f64 {
        self.speakers_right as f64 / self.speakers.max(1) as f64
    }
}

/// Same speaker: the last words agree ("Nowak" for "Tomasz Nowak"), ignoring case.
fn same_speaker(gold: &str, found: &str) -> bool {
    let last = |s: &str| s.split_whitespace().last().map(str::to_lowercase);
    last(gold).is_some() && last(gold) == last(found)
}

fn score() -> BTreeMap<&'static str, Score> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut scores: BTreeMap<&'static str, Score> = BTreeMap::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let (text, gold) = fixture::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let found = suggest::suggest(&text, &["quote", "figure"]);
        let slice = |r: CharRange| {
            text.chars()
                .skip(r.start.0)
                .take(r.len_chars())
                .collect::<String>()
        };
        for label in ["quote", "figure"] {
            let score = scores.entry(label).or_default();
            let gold_spans: BTreeMap<CharRange, Option<&String>> = gold
                .iter()
                .filter(|g| g.label == label)
                .map(|g| (g.range, g.attributes.get("speaker")))
                .collect();
            let confident: Vec<_> = found
                .iter()
                .filter(|s| s.label == label && s.confidence >= CONFIDENT)
                .collect();
            let found_ranges: BTreeSet<CharRange> = confident.iter().map(|s| s.range).collect();
            score.gold += gold_spans.len();
            score.found += confident.len();
            for s in &confident {
                match gold_spans.get(&s.range) {
                    Some(speaker) => {
                        score.matched += 1;
                        if let Some(speaker) = speaker {
                            score.speakers += 1;
                            let got = s
                                .attributes
                                .get("speaker")
                                .map(String::as_str)
                                .unwrap_or("");
                            if same_speaker(speaker, got) {
                                score.speakers_right += 1;
                            } else {
                                score.misses.push(format!(
                                    "{name}: speaker of {:?}: {got:?}, gold {speaker:?}",
                                    slice(s.range)
                                ));
                            }
                        }
                    }
                    None => score.misses.push(format!(
                        "{name}: extra {label} {:?} ({})",
                        slice(s.range),
                        s.rule
                    )),
                }
            }
            for range in gold_spans.keys().filter(|r| !found_ranges.contains(r)) {
                score
                    .misses
                    .push(format!("{name}: missed {label} {:?}", slice(*range)));
            }
        }
    }
    scores
}

#[test]
fn detectors_meet_the_quality_thresholds_on_the_gold_set() {
    let scores = score();
    let quotes = &scores["quote"];
    let figures = &scores["figure"];
    let report = format!(
        "quotes: {} gold, precision {:.3}, recall {:.3}, speaker accuracy {:.3} ({} of {})\n\
         figures: {} gold, precision {:.3}, recall {:.3}\nmisses:\n  {}",
        quotes.gold,
        quotes.precision(),
        quotes.recall(),
        quotes.speaker_accuracy(),
        quotes.speakers_right,
        quotes.speakers,
        figures.gold,
        figures.precision(),
        figures.recall(),
        quotes
            .misses
            .iter()
            .chain(&figures.misses)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  ")
    );
    println!("{report}");
    assert!(
        quotes.gold >= 40 && figures.gold >= 60,
        "the gold set is too small\n{report}"
    );
    assert!(
        quotes.precision() >= 0.95 && quotes.recall() >= 0.95,
        "{report}"
    );
    assert!(quotes.speaker_accuracy() >= 0.85, "{report}");
    assert!(
        figures.precision() >= 0.9 && figures.recall() >= 0.9,
        "{report}"
    );
}
