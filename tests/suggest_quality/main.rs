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
//! - `tests/gold7/test/`: the held-out set of round 6, scored once when round 6 was
//!   final; development material since round 7 (its misses are printed, its floors kept);
//! - `tests/gold8/test/`: the held-out set of round 7, scored once when round 7 was
//!   final; development material since round 8 (its misses are printed, its floors kept);
//! - `tests/gold9/test/`: the held-out set of round 8, scored once when round 8 was
//!   final; development material since round 9 (its misses are printed, its floors kept);
//! - `tests/gold10/test/`: the held-out set of round 9, scored once when round 9 was
//!   final; development material since round 10 (its misses are printed, its floors kept);
//! - `tests/gold11/test/`: the held-out set of round 10 (`held_out_gold11`): totals only,
//!   never per-quote results; scored once when round 10 was final, floors just below.
//!
//! The ranker's own report (`cargo test --lib ranker_training -- --nocapture`) gives
//! each development set's speaker accuracy when the ranker was fitted without it.
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

mod rules;
mod score;

use score::{Floors, score};
use spanmark::suggest::ACCEPT_ALL;

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
    r.assert_floors(
        &report,
        Floors {
            gold: (40, 60),
            quotes: (0.95, 0.95),
            speaker: 0.97,
            figures: (0.9, 0.9),
            sure: 0.95,
        },
    );
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
    r.assert_floors(
        &report,
        Floors {
            gold: (40, 60),
            quotes: (0.95, 0.9),
            speaker: 0.95,
            figures: (0.9, 0.9),
            sure: 0.9,
        },
    );
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
    r.assert_floors(
        &report,
        Floors {
            gold: (120, 170),
            quotes: (0.98, 0.95),
            speaker: 0.87,
            figures: (0.88, 0.88),
            sure: 0.88,
        },
    );
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
    r.assert_floors(
        &report,
        Floors {
            gold: (80, 80),
            quotes: (0.95, 0.95),
            speaker: 0.95,
            figures: (0.9, 0.9),
            sure: 0.95,
        },
    );
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
    r.assert_floors(
        &report,
        Floors {
            gold: (85, 85),
            quotes: (0.98, 0.98),
            speaker: 0.93,
            figures: (0.90, 0.90),
            sure: 0.93,
        },
    );
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
    r.assert_floors(
        &report,
        Floors {
            gold: (120, 145),
            quotes: (0.98, 0.95),
            speaker: 0.91,
            figures: (0.97, 0.97),
            sure: 0.97,
        },
    );
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
    r.assert_floors(
        &report,
        Floors {
            gold: (115, 195),
            quotes: (0.98, 0.98),
            speaker: 0.96,
            figures: (0.93, 0.90),
            sure: 0.95,
        },
    );
}

/// The held-out set written for round 6 (`tests/gold7/test/`), six articles in six
/// quotation conventions, by someone who did not read the detectors. Scored once, on
/// 2026-11-29, when the rules of round 6 were final: quotes P 1.000 R 0.978, speaker
/// 0.820 (73 of 89), figures P 0.964 R 0.971, Accept all's precision 0.935 (154).
/// Development material since round 7 (the learned ranking of candidate speakers, which
/// is fitted on it), so its misses are printed; the floors sit just below round 7.
#[test]
fn gold7_now_development() {
    let r = score("tests/gold7/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold7 test, now development (tests/gold7/test)"),
        r.misses()
    );
    println!("{report}");
    r.assert_floors(
        &report,
        Floors {
            gold: (85, 130),
            quotes: (0.98, 0.96),
            speaker: 0.97,
            figures: (0.95, 0.95),
            sure: 0.92,
        },
    );
}

/// The held-out set written for round 7 (`tests/gold8/test/`), ten articles (wire,
/// analysis, explainer, live blogs, two translated interviews, a profile, a committee
/// hearing) by someone who did not read the detectors. Scored once, on 2026-11-29, when
/// the rules of round 7 were final: quotes P 1.000 R 0.975, speaker 0.873 (137 of 157),
/// figures P 0.942 R 0.964, Accept all's precision 0.972 (144); the rules of round 6
/// scored 0.847 (133) and 0.966 (145) on it. Development material since round 8 (lists
/// with appositions, organisations named with `of`, more organisation nouns; the ranker
/// is fitted on it too), so its misses are printed; the floors sit just below round 8.
#[test]
fn gold8_now_development() {
    let r = score("tests/gold8/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold8 test, now development (tests/gold8/test)"),
        r.misses()
    );
    println!("{report}");
    r.assert_floors(
        &report,
        Floors {
            gold: (150, 80),
            quotes: (0.98, 0.97),
            speaker: 0.94,
            figures: (0.93, 0.95),
            sure: 0.97,
        },
    );
}

/// The held-out set written for round 8 (`tests/gold9/test/`), ten articles (wire,
/// analysis, a fact-check, live blogs, a translated interview, a profile, a court and a
/// sports report) by someone who did not read the detectors. Scored once, on
/// 2026-11-29, when the rules of round 8 were final: quotes P 1.000 R 1.000, speaker
/// 0.872 (143 of 164), figures P 0.977 R 0.977, Accept all's precision 0.979 (141); the
/// rules of round 6 scored speaker 0.816 and Accept all 0.944 on it, round 7's 0.860 and
/// 0.979. Development material since round 9 (its misses are printed; the ranker is
/// fitted on it too); the floors sit just below round 8.
#[test]
fn gold9_now_development() {
    let r = score("tests/gold9/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold9 test, now development (tests/gold9/test)"),
        r.misses()
    );
    println!("{report}");
    r.assert_floors(
        &report,
        Floors {
            gold: (150, 80),
            quotes: (0.98, 0.98),
            speaker: 0.96,
            figures: (0.96, 0.96),
            sure: 0.97,
        },
    );
}

/// The held-out set written for round 9 (`tests/gold10/test/`), ten articles (wire,
/// analysis, a council report, a live blog, a translated interview, a profile, a health
/// study, a business report and a review) by someone who did not read the detectors.
/// Scored once, on 2026-11-29, when the rules of round 9 were final: quotes P 1.000 R
/// 0.972, speaker 0.912 (156 of 171), figures P 0.896 R 0.950, Accept all's precision
/// 0.968 (158); round 8's rules scored speaker 0.901 (154) and Accept all 0.968 (157)
/// on it. Development material since round 10 (its misses are printed; the ranker is
/// fitted on it too); the floors sit just below round 10.
#[test]
fn gold10_now_development() {
    let r = score("tests/gold10/test");
    let report = format!(
        "{}\n{}",
        r.summary("gold10 test, now development (tests/gold10/test)"),
        r.misses()
    );
    println!("{report}");
    r.assert_floors(
        &report,
        Floors {
            gold: (170, 95),
            quotes: (0.99, 0.96),
            speaker: 0.94,
            figures: (0.98, 0.98),
            sure: 0.98,
        },
    );
}

/// The held-out set written for round 10 (`tests/gold11/test/`), ten articles (two wire
/// stories, an election night, a science feature, a transport story, a live blog, a
/// translated Q&A, a match report, an obituary and an explainer) by someone who did not
/// read the detectors: totals only, never per-quote results. Scored once, on
/// 2026-11-29, when the rules of round 10 were final: quotes P 1.000 R 0.994, speaker
/// 0.910 (161 of 177), figures P 0.935 R 0.935, Accept all's precision 0.989 (178).
/// Floors sit just below that run. Tuning on this set makes it development material:
/// the next held-out set must be written anew first.
#[test]
fn held_out_gold11() {
    let r = score("tests/gold11/test");
    let report = r.summary("held out gold11 test (tests/gold11/test)");
    println!("{report}");
    r.assert_floors(
        &report,
        Floors {
            gold: (170, 100),
            quotes: (0.99, 0.98),
            speaker: 0.90,
            figures: (0.92, 0.92),
            sure: 0.98,
        },
    );
}
