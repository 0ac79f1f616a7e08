//! Scoring the detectors against a gold set: precision and recall of quote and figure
//! spans, speaker accuracy, the precision of what Accept all takes, the misses, and the
//! floors a set's figures may not fall below.

use spanmark::fixture;
use spanmark::model::CharRange;
use spanmark::suggest::{self, ACCEPT_ALL, CONFIDENT};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Default)]
pub(crate) struct Score {
    pub(crate) gold: usize,
    pub(crate) found: usize,
    pub(crate) matched: usize,
    pub(crate) speakers: usize,
    pub(crate) speakers_right: usize,
    /// Speakers right in the fullest form the gold gives.
    pub(crate) speakers_full: usize,
    pub(crate) misses: Vec<String>,
}

impl Score {
    pub(crate) fn precision(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }
    pub(crate) fn recall(&self) -> f64 {
        self.matched as f64 / self.gold.max(1) as f64
    }
    pub(crate) fn speaker_accuracy(&self) -> f64 {
        self.speakers_right as f64 / self.speakers.max(1) as f64
    }
}

#[derive(Default)]
pub(crate) struct Report {
    pub(crate) quotes: Score,
    pub(crate) figures: Score,
    /// Suggestions (quotes and figures) at or above [`ACCEPT_ALL`]: how many, how many right.
    pub(crate) sure: usize,
    pub(crate) sure_right: usize,
    pub(crate) sure_misses: Vec<String>,
}

impl Report {
    pub(crate) fn sure_precision(&self) -> f64 {
        self.sure_right as f64 / self.sure.max(1) as f64
    }

    pub(crate) fn summary(&self, name: &str) -> String {
        let (q, f) = (&self.quotes, &self.figures);
        format!(
            "{name}\n  quotes: {} gold, precision {:.3}, recall {:.3}, speaker accuracy {:.3} \
             ({} of {}; fullest form {})\n  figures: {} gold, precision {:.3}, recall {:.3}\n  \
             at confidence >= {ACCEPT_ALL}: {} suggestions, precision {:.3} (speaker included)",
            q.gold,
            q.precision(),
            q.recall(),
            q.speaker_accuracy(),
            q.speakers_right,
            q.speakers,
            q.speakers_full,
            f.gold,
            f.precision(),
            f.recall(),
            self.sure,
            self.sure_precision(),
        )
    }

    pub(crate) fn misses(&self) -> String {
        let all: Vec<_> = self
            .quotes
            .misses
            .iter()
            .chain(&self.figures.misses)
            .chain(&self.sure_misses)
            .cloned()
            .collect();
        format!("misses:\n  {}", all.join("\n  "))
    }
}

/// The least each figure of a set may be: its gold counts (quotes, figures), quote
/// precision and recall, speaker accuracy, figure precision and recall, and the
/// precision of what Accept all takes.
pub(crate) struct Floors {
    pub(crate) gold: (usize, usize),
    pub(crate) quotes: (f64, f64),
    pub(crate) speaker: f64,
    pub(crate) figures: (f64, f64),
    pub(crate) sure: f64,
}

impl Report {
    /// Fails, showing `report`, unless every figure is at or above its floor.
    pub(crate) fn assert_floors(&self, report: &str, f: Floors) {
        assert!(
            self.quotes.gold >= f.gold.0 && self.figures.gold >= f.gold.1,
            "{report}"
        );
        assert!(
            self.quotes.precision() >= f.quotes.0 && self.quotes.recall() >= f.quotes.1,
            "{report}"
        );
        assert!(self.quotes.speaker_accuracy() >= f.speaker, "{report}");
        assert!(
            self.figures.precision() >= f.figures.0 && self.figures.recall() >= f.figures.1,
            "{report}"
        );
        assert!(self.sure_precision() >= f.sure, "{report}");
    }
}

pub(crate) fn normal(name: &str) -> String {
    let name = name.trim().to_lowercase();
    name.strip_prefix("the ").unwrap_or(&name).to_owned()
}

/// One person or organisation: the same name, or its last word (the surname) alone.
pub(crate) fn same_person(gold: &str, found: &str) -> bool {
    let (gold, found) = (normal(gold), normal(found));
    let surname = gold.split_whitespace().last().unwrap_or("");
    !gold.is_empty() && (found == gold || found == surname)
}

/// The same speaker: one person each, or for a joint quote the same set of people.
pub(crate) fn same_speaker(gold: Option<&str>, found: Option<&str>) -> bool {
    let split = |s: &str| -> Vec<String> { s.split(';').map(str::to_owned).collect() };
    match (gold, found) {
        (None, None) => true,
        (Some(gold), Some(found)) => {
            let (gold, mut found) = (split(gold), split(found));
            gold.len() == found.len()
                && gold.iter().all(|g| {
                    let at = found.iter().position(|f| same_person(g, f));
                    at.map(|at| found.remove(at)).is_some()
                })
        }
        _ => false,
    }
}

pub(crate) fn score(dir: &str) -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut report = Report::default();
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
            let gold_spans: BTreeMap<CharRange, Option<&String>> = gold
                .iter()
                .filter(|g| g.label == label)
                .map(|g| (g.range, g.attributes.get("speaker")))
                .collect();
            let ours: Vec<_> = found.iter().filter(|s| s.label == label).collect();
            for s in ours.iter().filter(|s| s.confidence >= ACCEPT_ALL) {
                report.sure += 1;
                let got = s.attributes.get("speaker").map(String::as_str);
                let right = gold_spans
                    .get(&s.range)
                    .is_some_and(|g| label != "quote" || same_speaker(g.map(|g| g.as_str()), got));
                if right {
                    report.sure_right += 1;
                } else {
                    report.sure_misses.push(format!(
                        "{name}: wrong at >= {ACCEPT_ALL}: {label} {:?} {got:?} ({}, {:.2})",
                        slice(s.range),
                        s.rule,
                        s.confidence
                    ));
                }
            }
            let score = if label == "quote" {
                &mut report.quotes
            } else {
                &mut report.figures
            };
            let confident: Vec<_> = ours.iter().filter(|s| s.confidence >= CONFIDENT).collect();
            let found_ranges: BTreeSet<CharRange> = confident.iter().map(|s| s.range).collect();
            score.gold += gold_spans.len();
            score.found += confident.len();
            for s in &confident {
                let Some(speaker) = gold_spans.get(&s.range) else {
                    score.misses.push(format!(
                        "{name}: extra {label} {:?} ({}, {:.2})",
                        slice(s.range),
                        s.rule,
                        s.confidence
                    ));
                    continue;
                };
                score.matched += 1;
                if label != "quote" {
                    continue;
                }
                let got = s.attributes.get("speaker").map(String::as_str);
                let speaker = speaker.map(|g| g.as_str());
                score.speakers += 1;
                if same_speaker(speaker, got) {
                    score.speakers_right += 1;
                    if speaker.map(normal) == got.map(normal) {
                        score.speakers_full += 1;
                    }
                } else {
                    score.misses.push(format!(
                        "{name}: speaker of {:?}: {got:?}, gold {speaker:?} ({})",
                        slice(s.range),
                        s.rule
                    ));
                }
            }
            for range in gold_spans.keys().filter(|r| !found_ranges.contains(r)) {
                let below = ours
                    .iter()
                    .find(|s| s.range == *range)
                    .map(|s| format!(" (offered at {:.2}: {})", s.confidence, s.rule))
                    .unwrap_or_default();
                score
                    .misses
                    .push(format!("{name}: missed {label} {:?}{below}", slice(*range)));
            }
        }
    }
    report
}
