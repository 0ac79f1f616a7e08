//! The suggestion detectors scored against the gold sets written to
//! `docs/annotation-guidelines.md`, each reported separately:
//!
//! - `tests/gold/`: the old set the rules were tuned on (regression: issue 5's thresholds
//!   stay asserted);
//! - `tests/gold2/dev/`: the development half of the independent set (issue 18), which
//!   rules may be tuned on;
//! - `tests/gold2/test/`: the second half, held out until it was scored once; now
//!   development material too (its misses are printed, its floors kept);
//! - `tests/gold3/`: held out until it was scored once (issue 18, round 2); development
//!   material since, so its misses are printed and its floors kept;
//! - `tests/gold4/dev/`: the development half of the set written for the distribution
//!   of ordinary news writing (issue 18), which rules may be tuned on;
//! - `tests/gold4/test/`: its second half, held out until it was scored once when round
//!   3 was final; development material since round 4 (its misses are printed);
//! - `tests/gold5/test/`: the held-out set of round 4, scored once when round 4 was
//!   final; development material since round 5 (its misses are printed, its floors kept);
//! - `tests/gold6/test/`: the held-out set of round 5, scored once when round 5 was
//!   final; development material since round 6 (its misses are printed, its floors kept);
//! - `tests/gold7/test/`: the held-out set of round 6 (`held_out_gold7`): totals only,
//!   never per-quote results; scored once when round 6 was final, floors just below.
//!
//! `precision_per_rule_on_the_development_material` prints each rule's precision on
//! all the development material, pooled and per set: what the confidences are
//! calibrated on (`src/suggest/calibration.rs`).
//!
//! Figures: precision and recall of quote and figure spans (exact ranges) among the
//! suggestions at or above [`CONFIDENT`]; speaker accuracy on the quotes found (a name is
//! right in its full or surname form; a joint quote needs the same set of people; a quote
//! the gold gives no speaker needs none); and the precision of the suggestions at or
//! above [`ACCEPT_ALL`], what "Accept all" tags, speaker included.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

use spanmark::fixture;
use spanmark::model::CharRange;
use spanmark::suggest::{self, ACCEPT_ALL, CONFIDENT};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    matched: usize,
    speakers: usize,
    speakers_right: usize,
    /// Speakers right in the fullest form the gold gives.
    speakers_full: usize,
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

#[derive(Default)]
struct Report {
    quotes: Score,
    figures: Score,
    /// Suggestions (quotes and figures) at or above [`ACCEPT_ALL`]: how many, how many right.
    sure: usize,
    sure_right: usize,
    sure_misses: Vec<String>,
}

impl Report {
    fn sure_precision(&self) -> f64 {
        self.sure_right as f64 / self.sure.max(1) as f64
    }

    fn summary(&self, name: &str) -> String {
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

    fn misses(&self) -> String {
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

fn normal(name: &str) -> String {
    let name = name.trim().to_lowercase();
    name.strip_prefix("the ").unwrap_or(&name).to_owned()
}

/// One person or organisation: the same name, or its last word (the surname) alone.
fn same_person(gold: &str, found: &str) -> bool {
    let (gold, found) = (normal(gold), normal(found));
    let surname = gold.split_whitespace().last().unwrap_or("");
    !gold.is_empty() && (found == gold || found == surname)
}

/// The same speaker: one person each, or for a joint quote the same set of people.
fn same_speaker(gold: Option<&str>, found: Option<&str>) -> bool {
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

fn score(dir: &str) -> Report {
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

#[test]
fn old_gold_meets_the_issue_5_thresholds() {
    let r = score("tests/gold");
    let report = format!("{}\n{}", r.summary("old gold (tests/gold)"), r.misses());
    println!("{report}");
    let (quotes, figures) = (&r.quotes, &r.figures);
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
    assert!(r.sure_precision() >= 0.95, "{report}");
}

/// The development half: every figure and every miss printed; thresholds that hold.
#[test]
fn gold2_dev_half() {
    let r = score("tests/gold2/dev");
    let report = format!(
        "{}\n{}",
        r.summary("gold2 dev (tests/gold2/dev)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 40 && r.figures.gold >= 60, "{report}");
    assert!(
        r.quotes.precision() >= 0.95 && r.quotes.recall() >= 0.95,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.9, "{report}");
    assert!(
        r.figures.precision() >= 0.9 && r.figures.recall() >= 0.9,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.95, "{report}");
}

/// The second half of gold2, held out until the rules of issue 18 were scored on it
/// once (quote precision 0.968, recall 0.938, speaker 0.787, figures 0.962 / 0.962,
/// precision at >= 0.8 0.940); development material since, so its misses are printed
/// like the dev half's. The floors are those of its held-out run.
#[test]
fn gold2_test_half() {
    let r = score("tests/gold2/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold2 test, now development (tests/gold2/test)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 40 && r.figures.gold >= 60, "{report}");
    assert!(
        r.quotes.precision() >= 0.95 && r.quotes.recall() >= 0.9,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.75, "{report}");
    assert!(
        r.figures.precision() >= 0.9 && r.figures.recall() >= 0.9,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.9, "{report}");
}

/// What "Accept all" tags on all the development material (gold2, both halves): at
/// least 95% right, speaker included.
#[test]
fn gold2_accept_all_is_calibrated() {
    let (dev, test) = (score("tests/gold2/dev"), score("tests/gold2/test"));
    let (sure, right) = (dev.sure + test.sure, dev.sure_right + test.sure_right);
    let precision = right as f64 / sure.max(1) as f64;
    println!(
        "gold2 dev + test at confidence >= {ACCEPT_ALL}: {right} of {sure} right, {precision:.3}"
    );
    assert!(
        precision >= 0.95,
        "{right} of {sure} right at >= {ACCEPT_ALL}"
    );
}

/// `tests/gold3/`, held out until it was scored once, on 2026-11-29, when the rules of
/// round 2 were final: quote P 0.992 R 0.962, speaker 0.685 (87 of 127), figure P 0.909
/// R 0.899, right at >= 0.8: 0.903. The rules of round 3 were tuned on it, so it is
/// development material now: its misses are printed like the other dev sets'. The
/// floors are those of its held-out run.
#[test]
fn gold3_now_development() {
    let r = score("tests/gold3");
    let report = format!(
        "{}\n{}",
        r.summary("gold3, now development (tests/gold3)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 120 && r.figures.gold >= 170, "{report}");
    assert!(
        r.quotes.precision() >= 0.98 && r.quotes.recall() >= 0.95,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.65, "{report}");
    assert!(
        r.figures.precision() >= 0.88 && r.figures.recall() >= 0.88,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.88, "{report}");
}

/// The development half of gold4: every figure and every miss printed; the issue's
/// targets, which it meets since the rules of round 3 (speaker 0.966, right at >= 0.8:
/// 0.980; before them 0.793 and 0.944).
#[test]
fn gold4_dev_half() {
    let r = score("tests/gold4/dev");
    let report = format!(
        "{}\n{}",
        r.summary("gold4 dev (tests/gold4/dev)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 80 && r.figures.gold >= 80, "{report}");
    assert!(
        r.quotes.precision() >= 0.95 && r.quotes.recall() >= 0.95,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.9, "{report}");
    assert!(
        r.figures.precision() >= 0.9 && r.figures.recall() >= 0.9,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.95, "{report}");
}

/// The second half of gold4 (`tests/gold4/test/`), held out until it was scored once,
/// on 2026-11-29, when the rules of round 3 were final: quotes P 1.000 R 1.000, speaker
/// 0.693 (61 of 88), figures P 0.932 R 0.921, right at >= 0.8: 0.879 (132), while the
/// development half scored 0.966 / 0.980: the rules fitted what they were tuned on. It
/// is development material since (round 4 studied its misses), so they are printed;
/// the floors sit just below round 4 (speaker 0.886, right at >= 0.8: 0.957).
#[test]
fn gold4_test_now_development() {
    let r = score("tests/gold4/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold4 test, now development (tests/gold4/test)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 85 && r.figures.gold >= 85, "{report}");
    assert!(
        r.quotes.precision() >= 0.98 && r.quotes.recall() >= 0.98,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.86, "{report}");
    assert!(
        r.figures.precision() >= 0.90 && r.figures.recall() >= 0.90,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.93, "{report}");
}

/// The held-out set written for round 4 (`tests/gold5/test/`), by someone who did not
/// read the detectors. Scored once, on 2026-11-29, when the rules of round 4 were
/// final: quotes P 0.992 R 0.961, speaker 0.805 (99 of 123), figures P 0.957 R 0.882,
/// right at >= 0.8: 0.963 (161). Development material since round 5 studied its
/// misses, so they are printed. Round 5 (figure forms, lists of three, names ending a
/// fuller one): speaker 0.829, figures P 1.000 R 1.000, right at >= 0.8: 0.994; the
/// floors sit just below.
#[test]
fn gold5_now_development() {
    let r = score("tests/gold5/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold5 test, now development (tests/gold5/test)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 120 && r.figures.gold >= 145, "{report}");
    assert!(
        r.quotes.precision() >= 0.98 && r.quotes.recall() >= 0.95,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.81, "{report}");
    assert!(
        r.figures.precision() >= 0.97 && r.figures.recall() >= 0.97,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.97, "{report}");
}

/// The held-out set written for round 5 (`tests/gold6/test/`), by someone who did not
/// read the detectors. Scored once, on 2026-11-29, when the rules of round 5 were
/// final: quotes P 1.000 R 0.727, speaker 0.909 (80 of 88 found), figures P 0.949 R
/// 0.921, right at >= 0.8: 0.954 (197). Quote recall fell on quotation conventions no
/// earlier set used (the same mark opening and closing, British single marks with
/// double inside). Development material since round 6 studied its misses, so they are
/// printed. Round 6 (quotation conventions read from the marks, `src/suggest/marks.rs`;
/// quotes inside quotes after a reporting verb): quotes P 1.000 R 1.000, speaker 0.917
/// (111 of 121), right at >= 0.8: 0.958 (215); the floors sit just below.
#[test]
fn gold6_now_development() {
    let r = score("tests/gold6/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold6 test, now development (tests/gold6/test)"),
        r.misses()
    );
    println!("{report}");
    assert!(r.quotes.gold >= 115 && r.figures.gold >= 195, "{report}");
    assert!(
        r.quotes.precision() >= 0.98 && r.quotes.recall() >= 0.98,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.90, "{report}");
    assert!(
        r.figures.precision() >= 0.93 && r.figures.recall() >= 0.90,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.95, "{report}");
}

/// The held-out set written for round 6 (`tests/gold7/test/`), six articles in six
/// quotation conventions, by someone who did not read the detectors: totals only, never
/// per-quote results. Scored once, on 2026-11-29, when the rules of round 6 were final:
/// quotes P 1.000 R 0.978, speaker 0.820 (73 of 89), figures P 0.964 R 0.971, right at
/// >= 0.8: 0.935 (154). Speakers (0.90) and Accept all's precision (0.95) are below the
/// issue's targets. Floors sit just below that run. Tuning on this set makes it
/// development material: the next held-out set must be written anew first.
#[test]
fn held_out_gold7() {
    let r = score("tests/gold7/test");
    let report = r.summary("held out gold7 test (tests/gold7/test)");
    println!("{report}");
    assert!(r.quotes.gold >= 85 && r.figures.gold >= 130, "{report}");
    assert!(
        r.quotes.precision() >= 0.98 && r.quotes.recall() >= 0.96,
        "{report}"
    );
    assert!(r.quotes.speaker_accuracy() >= 0.80, "{report}");
    assert!(
        r.figures.precision() >= 0.95 && r.figures.recall() >= 0.95,
        "{report}"
    );
    assert!(r.sure_precision() >= 0.92, "{report}");
}

/// The development material, set by set (the old gold set apart: it is regression).
const DEVELOPMENT: &[&str] = &[
    "tests/gold2/dev",
    "tests/gold2/test",
    "tests/gold3",
    "tests/gold4/dev",
    "tests/gold4/test",
    "tests/gold5/test",
    "tests/gold6/test",
];

/// One suggestion at or above [`CONFIDENT`], judged: its rule, confidence and whether
/// it is right (an exact span in the gold, and for a quote the gold's speaker).
struct Judged {
    rule: &'static str,
    confidence: f32,
    right: bool,
}

fn judged(dir: &str) -> Vec<Judged> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let (text, gold) = fixture::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for s in suggest::suggest(&text, &["quote", "figure"]) {
            if s.confidence < CONFIDENT {
                continue;
            }
            let got = s.attributes.get("speaker").map(String::as_str);
            let right = gold.iter().any(|g| {
                g.label == s.label
                    && g.range == s.range
                    && (s.label != "quote"
                        || same_speaker(g.attributes.get("speaker").map(String::as_str), got))
            });
            out.push(Judged {
                rule: s.rule,
                confidence: s.confidence,
                right,
            });
        }
    }
    out
}

/// The table of [`precision_per_rule_on_the_development_material`]: per rule, right of
/// all its suggestions pooled and per set, for the suggestions `keep` selects.
fn rule_table(sets: &[(&str, Vec<Judged>)], keep: impl Fn(&Judged) -> bool) -> String {
    let mut rules: BTreeMap<&str, (f32, f32)> = BTreeMap::new();
    for j in sets.iter().flat_map(|(_, js)| js).filter(|j| keep(j)) {
        let e = rules.entry(j.rule).or_insert((f32::MAX, 0.0));
        e.0 = e.0.min(j.confidence);
        e.1 = e.1.max(j.confidence);
    }
    let cell = |js: &[&Judged]| {
        let (n, r) = (js.len(), js.iter().filter(|j| j.right).count());
        if n == 0 {
            format!("{:>7}", "-")
        } else {
            format!("{r:>3}/{n:<3}")
        }
    };
    let short: Vec<String> = DEVELOPMENT
        .iter()
        .map(|d| format!("{:>7}", d.trim_start_matches("tests/").replace('/', " ")))
        .collect();
    let mut table = format!(
        "{:<70} {:>7} {:>6}  {}\n",
        "rule (confidence range)",
        "right/n",
        "prec",
        short.join(" | ")
    );
    for (rule, (lo, hi)) in &rules {
        let of = |k: usize| -> Vec<&Judged> {
            let js = &sets[k].1;
            js.iter().filter(|j| j.rule == *rule && keep(j)).collect()
        };
        let all: Vec<&Judged> = (0..sets.len()).flat_map(of).collect();
        let right = all.iter().filter(|j| j.right).count();
        let precision = right as f64 / all.len().max(1) as f64;
        let per_set: Vec<String> = (0..sets.len()).map(|k| cell(&of(k))).collect();
        let label = format!("{rule} ({lo:.2}-{hi:.2})");
        table.push_str(&format!(
            "{label:<70} {} {precision:>6.3}  {}\n",
            cell(&all),
            per_set.join(" | ")
        ));
    }
    table
}

/// Precision per rule over all the development material pooled, and per set: what
/// each rule's confidence is calibrated on (`src/suggest/calibration.rs`). A rule may
/// reach [`ACCEPT_ALL`] only when, at that confidence, it was seen at least ten times,
/// right at least 95% of them pooled, and in no set with five or more below 90%.
/// Asserted: that criterion, and that what "Accept all" takes, pooled, is right at
/// least 95% of the time.
#[test]
fn precision_per_rule_on_the_development_material() {
    let sets: Vec<(&str, Vec<Judged>)> = DEVELOPMENT.iter().map(|d| (*d, judged(d))).collect();
    let all = rule_table(&sets, |_| true);
    let sure = rule_table(&sets, |j| j.confidence >= ACCEPT_ALL);
    let mut failing = Vec::new();
    let (mut n, mut right) = (0, 0);
    let rules: BTreeSet<&str> = sets
        .iter()
        .flat_map(|(_, js)| js)
        .filter(|j| j.confidence >= ACCEPT_ALL)
        .map(|j| j.rule)
        .collect();
    for rule in rules {
        let of = |js: &[Judged]| -> (usize, usize) {
            let js: Vec<_> = js
                .iter()
                .filter(|j| j.rule == rule && j.confidence >= ACCEPT_ALL)
                .collect();
            (js.len(), js.iter().filter(|j| j.right).count())
        };
        let per_set: Vec<(usize, usize)> = sets.iter().map(|(_, js)| of(js)).collect();
        let (rn, rr) = per_set.iter().fold((0, 0), |(n, r), (a, b)| (n + a, r + b));
        n += rn;
        right += rr;
        let unstable = per_set
            .iter()
            .any(|&(n, r)| n >= 5 && (r as f64) < 0.9 * n as f64);
        if rn < 10 || (rr as f64) < 0.95 * rn as f64 || unstable {
            failing.push(format!(
                "{rule}: {rr} of {rn} right at >= {ACCEPT_ALL} ({per_set:?})"
            ));
        }
    }
    let precision = right as f64 / n.max(1) as f64;
    let report = format!(
        "every suggestion at >= {CONFIDENT}, per rule:\n{all}\nat >= {ACCEPT_ALL} (what \
         \"Accept all\" takes), per rule:\n{sure}pooled at >= {ACCEPT_ALL}: {right} of {n} \
         right, {precision:.3}\n"
    );
    println!("{report}");
    assert!(
        failing.is_empty(),
        "rules at >= {ACCEPT_ALL} without the evidence:\n{}\n{report}",
        failing.join("\n")
    );
    assert!(precision >= 0.95, "{report}");
}
