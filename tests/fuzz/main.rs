//! Bounded, seeded mutation fuzzing of every file spanmark reads (issue 11: "nothing
//! lost, no panics"): the project loader and the six importers.
//!
//! Each input runs the user's whole path, not only the parser:
//! - imports: parse -> `import::plan` -> the edit through `History::apply` -> `to_ron`
//!   -> `store::parse` of that RON (the same project back) -> `formats::export` in every
//!   format and brat's `.ann` -> undo (the project as it was);
//! - the loader: `store::parse` -> `to_ron` -> `store::parse` (the same project, the
//!   same RON) -> every export.
//!
//! Every call runs under `catch_unwind`. A panic, or a broken invariant (a message that
//! is not one short line, a planned edit that does not apply, a round trip that loses
//! something), fails the test with the target, seed and input number, and the input is
//! written under `target/tmp/fuzz-crashers/` to be kept in `tests/fuzz-crashers/`,
//! whose every file [`crashers::replay_kept_crashers`] runs again.
//!
//! Inputs are mutations (a hand-written xorshift, no crates) of valid files: spanmark's
//! own exports of a project with emoji, CJK, CRLF, nested spans, notes and attributes,
//! and hand-written files shaped like what doccano, spaCy, brat, Label Studio and W3C
//! tools write. `cargo test --test fuzz` runs 2,000 inputs per target;
//! `cargo test --release --test fuzz -- --ignored` runs 100,000 per target and prints
//! figures.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests: a failed unwrap is a failed test.

//!
//! The crate's modules: `seeds` (the seed project and hand-written files of other
//! tools), `mutate` (the PRNG and the mutations), `paths` (the user paths each input
//! runs through and their checks), `crashers` (writing, keeping and replaying crashers,
//! and the tests of long values and seeds). This file owns the targets, the inputs,
//! the fuzz loop and its tests.

mod crashers;
mod mutate;
mod paths;
mod seeds;

use crashers::keep;
use mutate::input;
use paths::{Outcome, Projects, run};
use seeds::seeds;
use std::path::PathBuf;
use std::time::Instant;

/// Inputs per target in `cargo test`.
const INPUTS: usize = 2_000;
/// Inputs per target in the long (ignored) run.
const LONG_INPUTS: usize = 100_000;
/// The longest message a user may be shown for one input.
const MAX_MESSAGE_CHARS: usize = 600;
/// Mutated inputs are cut to this size, so a run stays quick.
const MAX_INPUT: usize = 1 << 20;

// ---------------------------------------------------------------------------------
// Targets

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Store,
    Json,
    Doccano,
    Spacy,
    Brat,
    LabelStudio,
    W3c,
}

impl Target {
    const ALL: [Target; 7] = [
        Target::Store,
        Target::Json,
        Target::Doccano,
        Target::Spacy,
        Target::Brat,
        Target::LabelStudio,
        Target::W3c,
    ];

    fn name(self) -> &'static str {
        match self {
            Target::Store => "store",
            Target::Json => "json",
            Target::Doccano => "doccano",
            Target::Spacy => "spacy",
            Target::Brat => "brat",
            Target::LabelStudio => "label-studio",
            Target::W3c => "w3c",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Target::Store => "ron",
            Target::Doccano | Target::Spacy => "jsonl",
            Target::Brat => "ann",
            Target::Json | Target::LabelStudio | Target::W3c => "json",
        }
    }

    /// Does a value-level JSON mutation apply (per line for JSON lines)?
    fn json_lines(self) -> bool {
        matches!(self, Target::Doccano | Target::Spacy)
    }

    fn is_json(self) -> bool {
        !matches!(self, Target::Store | Target::Brat)
    }
}

/// One input: the file, and for brat the `.txt` beside the `.ann`.
#[derive(Clone, Debug)]
struct Input {
    bytes: Vec<u8>,
    txt: Vec<u8>,
}

impl Input {
    fn file(bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            bytes: bytes.into(),
            txt: Vec::new(),
        }
    }

    fn brat(ann: impl Into<Vec<u8>>, txt: impl Into<Vec<u8>>) -> Self {
        Self {
            bytes: ann.into(),
            txt: txt.into(),
        }
    }
}

// ---------------------------------------------------------------------------------
// Runs

#[derive(Default)]
struct Figures {
    inputs: usize,
    accepted: usize,
    refused: usize,
    spans: usize,
    /// The longest refusal, in characters.
    longest: usize,
    panics: usize,
    broken: usize,
    seconds: f64,
    /// Up to a few failures: (input number, what, file kept).
    failures: Vec<(usize, String, PathBuf)>,
}

/// `inputs` inputs of `target` from `seed`.
fn fuzz(target: Target, seed: u64, inputs: usize) -> Figures {
    let projects = Projects::new();
    let seeds = seeds(target, &projects.seeded);
    let mut figures = Figures::default();
    let start = Instant::now();
    for n in 0..inputs {
        let input = input(target, &seeds, seed, n);
        let outcome = run(target, &input, projects.destination(target, n));
        figures.inputs += 1;
        let failure = match outcome {
            Outcome::Accepted { spans } => {
                figures.accepted += 1;
                figures.spans += spans;
                None
            }
            Outcome::Refused(message) => {
                figures.refused += 1;
                figures.longest = figures.longest.max(message.chars().count());
                None
            }
            Outcome::Panicked(message) => {
                figures.panics += 1;
                Some(format!("panic: {message}"))
            }
            Outcome::Broken(message) => {
                figures.broken += 1;
                Some(message)
            }
        };
        if let Some(what) = failure
            && figures.failures.len() < 10
        {
            let path = keep(target, &format!("seed{seed:x}-input{n}"), &input);
            figures.failures.push((n, what, path));
        }
    }
    figures.seconds = start.elapsed().as_secs_f64();
    figures
}

fn report(target: Target, seed: u64, figures: &Figures) {
    if figures.failures.is_empty() {
        return;
    }
    let mut text = format!(
        "{}: {} panics and {} broken invariants in {} inputs (seed {seed:#x}):",
        target.name(),
        figures.panics,
        figures.broken,
        figures.inputs
    );
    for (n, what, path) in &figures.failures {
        text.push_str(&format!(
            "\n  input {n}: {what}\n    kept as {}",
            path.display()
        ));
    }
    panic!("{text}");
}

/// The seed of a target's run in `cargo test`.
fn seed_of(target: Target) -> u64 {
    0x5EED_0000 + Target::ALL.iter().position(|t| *t == target).unwrap_or(0) as u64
}

fn fuzz_target(target: Target) {
    let seed = seed_of(target);
    let figures = fuzz(target, seed, INPUTS);
    println!(
        "{}: {} inputs, {} accepted, {} refused, {} panics, {} broken, {:.1} s",
        target.name(),
        figures.inputs,
        figures.accepted,
        figures.refused,
        figures.panics,
        figures.broken,
        figures.seconds
    );
    report(target, seed, &figures);
}

#[test]
fn fuzz_store_loader() {
    fuzz_target(Target::Store);
}

#[test]
fn fuzz_json_import() {
    fuzz_target(Target::Json);
}

#[test]
fn fuzz_doccano_import() {
    fuzz_target(Target::Doccano);
}

#[test]
fn fuzz_spacy_import() {
    fuzz_target(Target::Spacy);
}

#[test]
fn fuzz_brat_import() {
    fuzz_target(Target::Brat);
}

#[test]
fn fuzz_label_studio_import() {
    fuzz_target(Target::LabelStudio);
}

#[test]
fn fuzz_w3c_import() {
    fuzz_target(Target::W3c);
}

/// `cargo test --release --test fuzz -- --ignored --nocapture`: 100,000 inputs per
/// target, with a table of figures: inputs, accepted (the parser took them), refused
/// (with a message; `longest` is the longest, in characters), spans the imports
/// added (the loader: spans loaded), panics, broken invariants, seconds.
#[test]
#[ignore = "long: run in release with --ignored"]
fn fuzz_long_run() {
    let seed = 0x1006_5EED;
    println!(
        "{:<14} {:>8} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7} {:>8}",
        "target",
        "inputs",
        "accepted",
        "refused",
        "longest",
        "spans",
        "panics",
        "broken",
        "seconds"
    );
    let mut all = Vec::new();
    for target in Target::ALL {
        let figures = fuzz(target, seed, LONG_INPUTS);
        println!(
            "{:<14} {:>8} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7} {:>8.1}",
            target.name(),
            figures.inputs,
            figures.accepted,
            figures.refused,
            figures.longest,
            figures.spans,
            figures.panics,
            figures.broken,
            figures.seconds
        );
        all.push((target, figures));
    }
    for (target, figures) in &all {
        for (n, what, path) in &figures.failures {
            println!(
                "{} input {n}: {what}\n    kept as {}",
                target.name(),
                path.display()
            );
        }
    }
    for (target, figures) in &all {
        report(*target, seed, figures);
    }
}
