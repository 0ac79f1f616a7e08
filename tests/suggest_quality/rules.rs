//! Precision per rule over the development material, the table the confidences are
//! calibrated on (`src/suggest/calibration.rs`).

use crate::score::same_speaker;
use spanmark::fixture;
use spanmark::suggest::{self, ACCEPT_ALL, CONFIDENT};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The development material, set by set (the old gold set apart: it is regression).
pub(crate) const DEVELOPMENT: &[&str] = &[
    "tests/gold2/dev",
    "tests/gold2/test",
    "tests/gold3",
    "tests/gold4/dev",
    "tests/gold4/test",
    "tests/gold5/test",
    "tests/gold6/test",
    "tests/gold7/test",
    "tests/gold8/test",
    "tests/gold9/test",
    "tests/gold10/test",
];

/// One suggestion at or above [`CONFIDENT`], judged: its rule, confidence and whether
/// it is right (an exact span in the gold, and for a quote the gold's speaker).
pub(crate) struct Judged {
    pub(crate) rule: &'static str,
    pub(crate) confidence: f32,
    pub(crate) right: bool,
}

pub(crate) fn judged(dir: &str) -> Vec<Judged> {
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
pub(crate) fn rule_table(sets: &[(&str, Vec<Judged>)], keep: impl Fn(&Judged) -> bool) -> String {
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
pub(crate) fn precision_per_rule_on_the_development_material() {
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
