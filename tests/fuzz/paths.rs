//! The user's paths each input runs through, and their checks: an import (parse ->
//! `import::plan` -> the edit through `History::apply` -> save and load -> every
//! export -> undo) and the loader (parse -> save -> load -> every export), the
//! projects inputs are imported into, and [`run`], which runs one input under
//! `catch_unwind` and says what it did.

use crate::seeds::{seed_project, without_spans};
use crate::{Input, MAX_MESSAGE_CHARS, Target};
use spanmark::edit::History;
use spanmark::formats::import::Imported;
use spanmark::formats::json::{ExportDocument, ExportFile};
use spanmark::formats::{
    self, ExportFormat, brat, doccano, import, json, label_studio, spacy, w3c,
};
use spanmark::model::{Project, sha256_hex};
use spanmark::store;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

/// What one input did.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// The parser took it (with how many spans the import added).
    Accepted { spans: usize },
    /// The parser refused it with this message.
    Refused(String),
    /// An invariant broke (not a panic): what.
    Broken(String),
    /// A panic: its message and place.
    Panicked(String),
}

/// A message shown to the user: one line, not too long.
fn check_message(what: &str, message: &str) -> Result<(), String> {
    if message.contains('\n') || message.contains('\r') {
        return Err(format!("{what} is not one line: {:?}", short(message)));
    }
    let chars = message.chars().count();
    if chars > MAX_MESSAGE_CHARS {
        return Err(format!(
            "{what} has {chars} characters (at most {MAX_MESSAGE_CHARS}): {:?}",
            short(message)
        ));
    }
    Ok(())
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(300).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// Are two projects the same to a user and to the file?
fn same(what: &str, a: &Project, b: &Project) -> Result<(), String> {
    if a.name != b.name {
        return Err(format!("{what}: the project name changed"));
    }
    if a.labels != b.labels {
        return Err(format!("{what}: the labels changed"));
    }
    if a.documents().len() != b.documents().len() {
        return Err(format!(
            "{what}: {} documents became {}",
            a.documents().len(),
            b.documents().len()
        ));
    }
    for (x, y) in a.documents().iter().zip(b.documents()) {
        if x != y {
            let first = x
                .spans()
                .iter()
                .zip(y.spans())
                .find(|(s, t)| s != t)
                .map(|(s, t)| format!("{s:?} became {t:?}"))
                .unwrap_or_else(|| {
                    format!(
                        "{} spans became {} (or its name, text or status changed)",
                        x.spans().len(),
                        y.spans().len()
                    )
                });
            return Err(format!(
                "{what}: document {:?} differs: {}",
                short(&x.name),
                short(&first)
            ));
        }
    }
    if a.next_span_id() != b.next_span_id() || a.open_document != b.open_document {
        return Err(format!(
            "{what}: next_span_id {} / open document {:?} became {} / {:?}",
            a.next_span_id(),
            a.open_document,
            b.next_span_id(),
            b.open_document
        ));
    }
    Ok(())
}

/// Every export of a project a user may now make. Grapheme-cluster offsets cannot say a
/// span that begins or ends inside a cluster: that refusal, with its message, is right.
fn exports(project: &Project) -> Result<(), String> {
    // brat writes a folder: its files are made below, in memory.
    for format in ExportFormat::ALL.into_iter().filter(|f| !f.is_folder()) {
        if let Err(err) = formats::export(project, format) {
            if format == ExportFormat::DoccanoGraphemes
                && err.to_string().contains("inside a grapheme cluster")
            {
                check_message("the grapheme refusal", &err.to_string())?;
                continue;
            }
            return Err(format!(
                "export as {} failed: {}",
                format.name(),
                short(&err.to_string())
            ));
        }
    }
    for doc in &json::build(project).documents {
        brat::ann(doc);
    }
    Ok(())
}

/// The projects an input is imported into.
pub(crate) struct Projects {
    /// The seed project (documents to match, spans to meet as duplicates, ids taken).
    pub(crate) seeded: Project,
    /// Its documents without spans (where W3C annotations are meant to go).
    pub(crate) bare: Project,
    pub(crate) empty: Project,
}

impl Projects {
    pub(crate) fn new() -> Self {
        let seeded = seed_project();
        let bare = without_spans(&seeded);
        Self {
            seeded,
            bare,
            empty: Project::new("untitled"),
        }
    }

    /// Where input `n` goes: the seeded project for even inputs; for odd ones an empty
    /// project (W3C: the documents without spans).
    pub(crate) fn destination(&self, target: Target, n: usize) -> &Project {
        match (n % 2, target) {
            (0, _) => &self.seeded,
            (_, Target::W3c) => &self.bare,
            _ => &self.empty,
        }
    }
}

/// The file read by an importer: what to merge, and what was left out on the way.
type Read = Result<Imported, String>;

/// Parses an import target's input (W3C against `into`).
fn read(target: Target, input: &Input, into: &Project) -> Read {
    let bytes = &input.bytes;
    match target {
        Target::Store => unreachable!("the loader is not an importer"),
        Target::Json => import::parse(bytes)
            .map(Imported::clean)
            .map_err(|e| e.to_string()),
        Target::Doccano => doccano::parse(bytes),
        Target::Spacy => spacy::parse(bytes),
        Target::LabelStudio => {
            let imported = label_studio::parse(bytes, None)?;
            // Predictions are offered in the window: each must lie inside its text.
            for p in &imported.predictions {
                let doc = imported
                    .file
                    .documents
                    .iter()
                    .find(|d| d.sha256 == p.sha256);
                let fits = doc.is_some_and(|d| {
                    !p.range.is_empty() && p.range.end.0 <= d.text.chars().count()
                });
                if !fits {
                    return Err(format!(
                        "BROKEN: prediction {:?} is not inside its document",
                        p.range
                    ));
                }
            }
            Ok(imported)
        }
        Target::W3c => w3c::parse(bytes, into),
        Target::Brat => {
            // As `brat::read_files` reads a pair, from memory.
            let ann = String::from_utf8_lossy(bytes);
            let text = String::from_utf8_lossy(&input.txt).into_owned();
            let (spans, found) = brat::read(&ann, &text, &into.labels, 0);
            let doc = ExportDocument {
                name: Cow::Borrowed("fuzz.txt"),
                sha256: Cow::Owned(sha256_hex(&text)),
                text: Cow::Owned(text),
                spans,
            };
            Ok(Imported {
                format: "brat",
                file: ExportFile::imported(vec![doc]),
                found,
                predictions: Vec::new(),
            })
        }
    }
}

/// The whole path of one import: `Ok` with the outcome, `Err` for a broken invariant.
fn import_path(target: Target, input: &Input, into: &Project) -> Result<Outcome, String> {
    let imported = match read(target, input, into) {
        Ok(read) => read,
        Err(message) if message.starts_with("BROKEN: ") => return Err(message),
        Err(message) => {
            check_message("the refusal", &message)?;
            return Ok(Outcome::Refused(message));
        }
    };
    let mut project = into.clone();
    let (edit, report) = import::plan_imported(&project, &imported);
    for problem in report.problems() {
        check_message("an import problem", problem)?;
    }
    // Every span item of the file is merged, a duplicate, or left out for a reason.
    if report.found.items != report.spans_added + report.found.skipped_total() {
        return Err(format!(
            "the report's counts do not add up: {} items, {} added, {:?} skipped",
            report.found.items, report.spans_added, report.found.skipped
        ));
    }
    let mut history = History::new_unsaved();
    history
        .apply(&mut project, edit)
        .map_err(|e| format!("the planned edit does not apply: {}", short(&e.to_string())))?;
    if project.span_count() != into.span_count() + report.spans_added {
        return Err(format!(
            "the report says {} spans added, the project went from {} to {}",
            report.spans_added,
            into.span_count(),
            project.span_count()
        ));
    }
    let ron = store::to_ron(&project);
    let back = store::parse(&ron, "imported.ron").map_err(|e| {
        format!(
            "the project after the import does not load back: {}",
            short(&e.to_string())
        )
    })?;
    same(
        "the project after the import, saved and loaded",
        &project,
        &back,
    )?;
    exports(&project)?;
    history
        .undo(&mut project)
        .map_err(|e| format!("the import does not undo: {e}"))?;
    same("the project after undoing the import", into, &project).or_else(|err| {
        // Undo keeps the ids the import reserved: the allocator never goes back.
        if err.contains("next_span_id") && project.documents() == into.documents() {
            Ok(())
        } else {
            Err(err)
        }
    })?;
    Ok(Outcome::Accepted {
        spans: report.spans_added,
    })
}

/// The loader's path: parse, and what it takes must save and load as itself.
fn store_path(input: &Input) -> Result<Outcome, String> {
    let text = String::from_utf8_lossy(&input.bytes);
    let project = match store::parse(&text, "fuzz.ron") {
        Ok(project) => project,
        Err(err) => {
            let message = err.to_string();
            check_message("the loader's refusal", &message)?;
            return Ok(Outcome::Refused(message));
        }
    };
    let ron = store::to_ron(&project);
    let back = store::parse(&ron, "fuzz.ron").map_err(|e| {
        format!(
            "a project the loader took does not load back once saved: {}",
            short(&e.to_string())
        )
    })?;
    same("the loaded project, saved and loaded", &project, &back)?;
    if store::to_ron(&back) != ron {
        return Err("saving the project again gives another file".to_owned());
    }
    exports(&project)?;
    Ok(Outcome::Accepted {
        spans: project.span_count(),
    })
}

thread_local! {
    /// Set while a fuzzed call runs: its panic is recorded here, not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic hook that records panics of fuzzed calls (on their thread) and leaves every
/// other panic, such as a failing assertion of a test, to the default hook.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                PANIC.with(|p| *p.borrow_mut() = Some(info.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

/// Runs one input through its target's path, catching any panic.
pub(crate) fn run(target: Target, input: &Input, into: &Project) -> Outcome {
    install_panic_hook();
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| match target {
        Target::Store => store_path(input),
        _ => import_path(target, input, into),
    }));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(broken)) => Outcome::Broken(broken),
        Err(_) => Outcome::Panicked(
            PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "a panic without a message".to_owned())
                .replace('\n', " "),
        ),
    }
}
