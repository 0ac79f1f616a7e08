//! α_u against the worked examples of Krippendorff (1995, p. 57) and (2004, p. 254), with
//! the figures DKPro Statistics' own tests state for them (`Krippendorff1995Test`,
//! `Krippendorff2004Test`), and small cases computed by hand.

use super::*;

fn close(found: f64, expected: f64, tolerance: f64) {
    assert!(
        (found - expected).abs() <= tolerance,
        "{found} is not {expected} ± {tolerance}"
    );
}

/// `(start, length, coder)`.
type Unit = (u64, u64, usize);

/// Krippendorff (1995: 57): two coders, four categories, a continuum of 24 stretched by
/// `num / den` as DKPro stretches it (each start and length rounded down on its own);
/// units are `(start, length, coder)`.
fn example_1995(num: u64, den: u64) -> BTreeMap<&'static str, Continuum> {
    let stretch = |x: u64| x * num / den;
    let units: [(&str, &[Unit]); 4] = [
        ("A", &[(2, 8, 0), (14, 6, 0), (4, 4, 1), (15, 2, 1)]),
        (
            "B",
            &[
                (0, 18, 0),
                (0, 2, 1),
                (2, 1, 1),
                (3, 1, 1),
                (4, 1, 1),
                (5, 1, 1),
                (6, 3, 1),
                (9, 1, 1),
            ],
        ),
        (
            "C",
            &[
                (2, 6, 0),
                (10, 2, 0),
                (14, 4, 0),
                (20, 2, 0),
                (0, 2, 1),
                (4, 4, 1),
                (10, 4, 1),
                (16, 2, 1),
                (20, 2, 1),
            ],
        ),
        (
            "D",
            &[
                (0, 2, 0),
                (2, 8, 0),
                (10, 4, 0),
                (14, 6, 0),
                (20, 4, 0),
                (0, 4, 1),
                (4, 4, 1),
                (8, 7, 1),
                (15, 2, 1),
                (17, 7, 1),
            ],
        ),
    ];
    units
        .into_iter()
        .map(|(category, units)| {
            let mut continuum = Continuum::new(0, stretch(24), 2);
            for &(start, len, coder) in units {
                continuum.add(coder, stretch(start), stretch(start) + stretch(len));
            }
            (category, continuum)
        })
        .collect()
}

#[test]
fn krippendorff_1995_observed_disagreement() {
    let mut study = example_1995(1, 1);
    let observed =
        |c: &str, s: &mut BTreeMap<&str, Continuum>| s.get_mut(c).unwrap().disagreement().observed;
    close(observed("A", &mut study), 0.03125, 0.00001);
    close(observed("B", &mut study), 2.26736, 0.00001);
    close(observed("C", &mut study), 0.02777, 0.00001);
    close(observed("D", &mut study), 0.38715, 0.00001);
}

#[test]
fn krippendorff_1995_expected_disagreement_and_alpha() {
    // DKPro checks these on the example stretched to 1,200,000 positions, where the
    // expected disagreement has converged.
    let mut study = example_1995(50_000, 1);
    for (category, expected, alpha) in [
        ("A", 0.06990, 0.553),
        ("B", 1.17731, -0.926),
        ("C", 0.08642, 0.679),
        ("D", 0.41445, 0.066),
    ] {
        let d = study.get_mut(category).unwrap().disagreement();
        close(d.expected, expected, 0.005);
        close(d.alpha().unwrap(), alpha, 0.02);
    }
}

#[test]
fn krippendorff_1995_varying_lengths_of_category_c() {
    // DKPro notes a small error in the original's D_E at the smallest scale; its own
    // figures are these.
    for (num, den, expected, tolerance, alpha) in [
        (1, 2, 0.05494, 0.00001, 0.494),
        (5, 1, 0.08234, 0.005, 0.663),
        (50, 1, 0.08600, 0.005, 0.677),
        (500, 1, 0.08638, 0.005, 0.678),
        (5_000, 1, 0.08642, 0.005, 0.679),
        (50_000, 1, 0.08642, 0.005, 0.679),
    ] {
        let mut study = example_1995(num, den);
        let d = study.get_mut("C").unwrap().disagreement();
        close(d.observed, 0.02777, 0.00001);
        close(d.expected, expected, tolerance);
        close(d.alpha().unwrap(), alpha, 0.02);
    }
}

/// Krippendorff (2004: 254): two coders, categories c and k on [150, 450).
fn example_2004() -> BTreeMap<String, Continuum> {
    let units: [(&str, u64, u64, usize); 9] = [
        ("c", 225, 70, 0),
        ("c", 370, 30, 0),
        ("c", 220, 80, 1),
        ("c", 355, 20, 1),
        ("c", 400, 20, 1),
        ("k", 180, 60, 0),
        ("k", 300, 50, 0),
        ("k", 180, 60, 1),
        ("k", 300, 50, 1),
    ];
    let mut study: BTreeMap<String, Continuum> = BTreeMap::new();
    for (category, start, len, coder) in units {
        study
            .entry(category.to_owned())
            .or_insert_with(|| Continuum::new(150, 300, 2))
            .add(coder, start, start + len);
    }
    study
}

#[test]
fn krippendorff_2004_per_category_and_overall() {
    let mut study = example_2004();
    let c = study.get_mut("c").unwrap().disagreement();
    close(c.observed, 0.0144, 0.0001);
    close(c.expected, 0.0532, 0.0001);
    close(c.alpha().unwrap(), 0.7286, 0.0001);
    let k = study.get_mut("k").unwrap().disagreement();
    close(k.observed, 0.0, 0.0001);
    close(k.expected, 0.0490, 0.0001);
    close(k.alpha().unwrap(), 1.0, 0.0001);
    let all: BTreeMap<String, Disagreement> = study
        .iter_mut()
        .map(|(name, continuum)| (name.clone(), continuum.disagreement()))
        .collect();
    close(overall(&all).unwrap(), 0.8591, 0.0005);
}

#[test]
fn krippendorff_2004_distances() {
    let unit = |start: u64, len: u64| (start, start + len, true);
    let gap = |start: u64, len: u64| (start, start + len, false);
    assert_eq!(
        distance(gap(2, 3), unit(2, 2)) + distance(unit(5, 6), gap(4, 7)),
        40
    );
    assert_eq!(distance(unit(5, 6), unit(4, 2)), 26);
    assert_eq!(distance(unit(5, 6), unit(5, 2)), 16);
    assert_eq!(distance(unit(5, 6), unit(6, 2)), 10);
    assert_eq!(distance(unit(5, 6), unit(7, 2)), 8);
    assert_eq!(distance(unit(5, 6), unit(6, 4)), 2);
    assert_eq!(distance(unit(5, 6), unit(5, 6)), 0);
    assert_eq!(distance(unit(225, 70), unit(220, 80)), 50);
    assert_eq!(distance(unit(370, 30), unit(355, 20)), 850);
    assert_eq!(distance(gap(400, 50), unit(400, 20)), 400);
}

#[test]
fn identical_coders_agree_fully() {
    let mut c = Continuum::new(0, 100, 3);
    for coder in 0..3 {
        c.add(coder, 10, 20);
        c.add(coder, 40, 45);
    }
    let d = c.disagreement();
    assert_eq!(d.observed, 0.0);
    assert_eq!(d.alpha(), Some(1.0));
}

#[test]
fn one_empty_coder_and_disjoint_units_disagree() {
    let mut one_empty = Continuum::new(0, 100, 2);
    one_empty.add(0, 10, 20);
    one_empty.add(0, 50, 60);
    let d = one_empty.disagreement();
    // Both units lie in the other coder's one gap: 2 · (10² + 10²) / (2 · 1 · 100²).
    close(d.observed, 0.02, 1e-12);
    assert!(d.alpha().unwrap() < 0.0, "{d:?}");

    let mut disjoint = Continuum::new(0, 100, 2);
    disjoint.add(0, 10, 20);
    disjoint.add(1, 50, 60);
    let d = disjoint.disagreement();
    close(d.observed, 0.02, 1e-12);
    assert!(d.alpha().unwrap() < 0.0, "{d:?}");
}

#[test]
fn nothing_marked_has_no_alpha() {
    let mut c = Continuum::new(0, 100, 2);
    assert_eq!(c.disagreement().alpha(), None);
}

#[test]
fn a_coders_overlapping_units_are_merged_and_counted() {
    let mut c = Continuum::new(0, 100, 2);
    c.add(0, 10, 30);
    c.add(0, 20, 40);
    c.add(0, 40, 50);
    c.add(1, 10, 40);
    c.add(1, 40, 50);
    assert_eq!(c.merged(), 1, "10–30 and 20–40 overlap; 40–50 only touches");
    assert_eq!(c.disagreement().alpha(), Some(1.0));
}

#[test]
fn long_continua_keep_their_precision() {
    // Ten million code points, units of a million: the exact integer sums do not
    // overflow and match the figure at a small scale (α_u does not depend on scale
    // when every length is scaled).
    let build = |scale: u64| {
        let mut c = Continuum::new(0, 10 * scale, 2);
        c.add(0, scale, 3 * scale);
        c.add(1, 2 * scale, 3 * scale);
        c.add(0, 6 * scale, 7 * scale);
        c.disagreement()
    };
    let small = build(1_000);
    let large = build(1_000_000);
    close(small.observed, large.observed, 1e-12);
    close(small.alpha().unwrap(), large.alpha().unwrap(), 1e-3);
}
