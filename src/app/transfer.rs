//! Files of other tools in the window: importing annotations (read on a thread when
//! large, merged as one undo step, predictions offered as suggestions) and exporting
//! brat's folder of files.
//! Single-file exports are in `files.rs`.

use super::App;
use super::session::Session;
use crate::formats::import::{self, ImportFormat, ImportReport, Imported};
use crate::formats::{brat, json};
use crate::suggest::{CONFIDENT, Suggestion};
use std::path::Path;

/// How many of an import's warnings the message lists before "and N more".
const LISTED_PROBLEMS: usize = 5;

impl Session {
    /// Merges an imported file into the project as one undo step and offers its
    /// predictions as suggestions. Returns what was done, with the predictions that
    /// could not be offered added to the report's problems.
    pub(super) fn import(&mut self, imported: Imported) -> Result<ImportReport, String> {
        let (edit, mut report) = import::plan_imported(&mut self.project, &imported);
        let changes = !matches!(&edit, crate::edit::Edit::Batch(edits) if edits.is_empty());
        // A file of which no span could be used changes nothing (as on the command line).
        if changes && !report.nothing_usable() {
            self.history
                .apply(&mut self.project, edit)
                .map_err(|e| e.to_string())?;
        }
        if self.current.is_none() {
            self.current = self.project.documents().first().map(|d| d.id);
        }
        for p in imported.predictions {
            let known_text = self
                .project
                .documents()
                .iter()
                .any(|d| d.sha256() == p.sha256);
            if !known_text || !self.project.labels.contains(&p.label) {
                let at = format!(
                    "a {} prediction at {}",
                    crate::shown::quoted(&p.label),
                    p.range
                );
                report
                    .found
                    .remark(&at, "has no document or label here; not offered");
                continue;
            }
            let suggestion = Suggestion {
                label: p.label,
                range: p.range,
                attributes: Default::default(),
                // A prediction without a score is the model's answer.
                confidence: p.score.unwrap_or(CONFIDENT),
                rule: "imported prediction",
            };
            self.suggestions.add_imported(&p.sha256, suggestion);
        }
        self.refresh_suggestions();
        Ok(report)
    }
}

impl App {
    /// Imports the file at `path`: read here, or on a thread (with progress and
    /// Cancel) when it is large; merged by [`App::imported`].
    pub(super) fn import_from(&mut self, format: ImportFormat, path: &Path) {
        let paths = [path.to_path_buf()];
        if super::loading::is_large(&paths, self.background_bytes) {
            self.loading = Some(super::loading::Loading::import(
                format,
                path.to_path_buf(),
                self.session.project.clone(),
                self.load_throttle,
            ));
            return;
        }
        let imported = import::read(format, path, &self.session.project, &Default::default());
        self.imported(path, imported);
    }

    /// Merges what was read for an import as one undo step, and says what it did.
    pub(super) fn imported(&mut self, path: &Path, imported: Result<Imported, String>) {
        let imported = match imported {
            Ok(imported) => imported,
            Err(err) => return self.error(format!("{err}: {}", path.display())),
        };
        let predictions = imported.predictions.len();
        let report = match self.session.import(imported) {
            Ok(report) => report,
            Err(err) => return self.error(format!("cannot import ({err}): {}", path.display())),
        };
        let problems = report.problems();
        let offered = if predictions > 0 {
            format!(", {predictions} predictions offered as suggestions")
        } else {
            String::new()
        };
        let summary = report.summary();
        let summary = summary.strip_prefix("imported ").unwrap_or(&summary);
        let line = format!("Imported {summary}{offered}: {}", path.display());
        if report.nothing_usable() {
            self.error(line);
        } else {
            self.info(line);
        }
        if !problems.is_empty() {
            let mut text = format!("{} skipped or changed on import:", problems.len());
            for problem in problems.iter().take(LISTED_PROBLEMS) {
                text.push_str("\n• ");
                text.push_str(problem);
            }
            if problems.len() > LISTED_PROBLEMS {
                text.push_str(&format!(
                    "\n… and {} more",
                    problems.len() - LISTED_PROBLEMS
                ));
            }
            self.error(text);
        }
    }

    /// Writes `NAME.txt` and `NAME.ann` per document into `dir`.
    pub(super) fn export_brat_to(&mut self, dir: &Path) {
        let export = json::build(&self.session.project);
        let result = json::verify(&export)
            .map_err(|err| err.to_string())
            .and_then(|()| brat::write_files(&export, dir));
        match result {
            Ok(()) => self.info(format!(
                "Exported {} spans of {} documents as brat files: {}",
                self.session.project.span_count(),
                self.session.project.documents().len(),
                dir.display()
            )),
            Err(err) => self.error(format!("{err}: {}", dir.display())),
        }
    }
}
